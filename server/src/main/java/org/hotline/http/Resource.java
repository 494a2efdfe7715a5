package org.hotline.http;

import io.vertx.ext.web.Router;

/** A part of the web: mounts its routes, or its check of every request, on the router. */
public interface Resource {

    void mount(Router router);
}
