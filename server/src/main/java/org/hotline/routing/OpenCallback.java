package org.hotline.routing;

/**
 * A callback request not yet closed, as a supervisor sees it.
 *
 * @param position its place among the calls of its queue (1 = next), or 0 while it is not in line
 *                 (being dialled, or waiting for its retry time)
 * @param dialling an agent has been reserved for it and is being rung or is calling the customer
 */
public record OpenCallback(CallbackRequest request, int position, boolean dialling) {
}
