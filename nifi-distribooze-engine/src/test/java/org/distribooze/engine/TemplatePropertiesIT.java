package org.distribooze.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every template in templates/ names only properties, values and relationships its components have. */
class TemplatePropertiesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TemplateCheck check;

    @BeforeAll
    static void readManifests() throws Exception {
        try (Stream<Path> nars = Files.list(SharedData.nifi().resolve("nars"))) {
            check = new TemplateCheck(ExtensionManifests.read(nars.toList()));
        }
    }

    @Test
    void everyTemplateMatchesTheComponentsItConfigures() throws Exception {
        List<Path> templates;
        try (Stream<Path> files = Files.list(SharedData.templates())) {
            templates = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(2, templates.size(), templates.toString());

        for (Path template : templates) {
            assertEquals(List.of(), check.problems(JSON.readTree(template.toFile())),
                    template.getFileName().toString());
        }
    }

    /** The check itself: a misspelt property name, a wrong transport and a made-up relationship are all caught. */
    @Test
    void aNameOrValueTheProcessorDoesNotHaveIsCaught() throws Exception {
        JsonNode definition = JSON.readTree(SharedData.templates().resolve("pcap-to-clusters.json").toFile());
        for (JsonNode processor : definition.path("flowContents").path("processors")) {
            ObjectNode properties = (ObjectNode) processor.path("properties");
            if (properties.has("Epsilon")) {
                properties.set("Epsilon Radius", properties.remove("Epsilon"));
            }
            if (properties.has("Transport")) {
                properties.put("Transport", "SCTP");
            }
        }
        ((ArrayNode) definition.path("flowContents").path("connections").get(0)
                .path("selectedRelationships")).add("sometimes");

        List<String> problems = check.problems(definition);

        assertEquals(3, problems.size(), problems.toString());
        assertFalse(problems.stream().noneMatch(p -> p.contains("no property 'Epsilon Radius'")), problems.toString());
        assertFalse(problems.stream().noneMatch(p -> p.contains("SCTP")), problems.toString());
        assertFalse(problems.stream().noneMatch(p -> p.contains("no relationship 'sometimes'")), problems.toString());
    }
}
