package org.hotline.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a YAML file of the configuration (the agents, the customers) into its top-level section. */
final class YamlFile {

    private YamlFile() {
    }

    /**
     * @param key      the setting that names the file, for the message when it is missing
     * @param expected what the top level should hold, for the message when it does not
     */
    static ObjectNode read(Path file, String key, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(key + ": " + file + " does not exist");
        }
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return new ObjectMapper().createObjectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw new ConfigException(file + ": expected " + expected);
            }
            return object;
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
