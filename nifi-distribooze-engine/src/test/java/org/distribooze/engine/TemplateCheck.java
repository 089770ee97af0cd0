package org.distribooze.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a flow definition against the NARs' manifests: every component's type exists in its bundle, every
 * property it sets is one the component has (NiFi would silently keep an unknown name as a dynamic property),
 * every fixed or parameter value of a property with allowable values is one of them, and every relationship a
 * connection or an auto-termination names exists.
 */
final class TemplateCheck {

    private static final Pattern WHOLE_PARAMETER = Pattern.compile("#\\{([^}]+)}");

    private final ExtensionManifests manifests;

    TemplateCheck(ExtensionManifests manifests) {
        this.manifests = manifests;
    }

    List<String> problems(JsonNode definition) {
        List<String> problems = new ArrayList<>();
        JsonNode group = definition.path("flowContents");
        Map<String, String> parameters = parameters(definition, group.path("parameterContextName").asText());
        Map<String, ExtensionManifests.Extension> processors = new HashMap<>();
        Map<String, JsonNode> processorsById = new HashMap<>();
        group.path("processors").forEach(p -> processorsById.put(p.path("identifier").asText(), p));

        for (String kind : List.of("processors", "controllerServices")) {
            for (JsonNode component : group.path(kind)) {
                ExtensionManifests.Extension extension = check(component, parameters, problems);
                if (extension != null && kind.equals("processors")) {
                    processors.put(component.path("identifier").asText(), extension);
                }
            }
        }
        for (JsonNode processor : group.path("processors")) {
            for (JsonNode relationship : processor.path("autoTerminatedRelationships")) {
                checkRelationship(processor, processors, relationship.asText(), problems);
            }
        }
        for (JsonNode connection : group.path("connections")) {
            JsonNode source = processorsById.get(connection.path("source").path("id").asText());
            for (JsonNode relationship : connection.path("selectedRelationships")) {
                checkRelationship(source, processors, relationship.asText(), problems);
            }
        }
        return problems;
    }

    private ExtensionManifests.Extension check(JsonNode component, Map<String, String> parameters,
            List<String> problems) {
        String name = component.path("name").asText();
        JsonNode bundle = component.path("bundle");
        ExtensionManifests.Extension extension = manifests.find(bundle.path("group").asText(),
                bundle.path("artifact").asText(), component.path("type").asText());
        if (extension == null) {
            problems.add(name + ": no " + component.path("type").asText() + " in " + bundle);
            return null;
        }
        component.path("properties").fields().forEachRemaining(property -> {
            String key = property.getKey();
            if (extension.properties().containsKey(key)) {
                checkValue(name, key, property.getValue().asText(), extension.properties().get(key), parameters,
                        problems);
            } else if (!extension.dynamicProperties()
                    || !component.path("propertyDescriptors").path(key).path("dynamic").asBoolean(false)) {
                problems.add(name + ": " + extension.type() + " has no property '" + key + "'");
            }
        });
        return extension;
    }

    private static void checkValue(String component, String property, String value, Set<String> allowed,
            Map<String, String> parameters, List<String> problems) {
        Matcher parameter = WHOLE_PARAMETER.matcher(value);
        String resolved = parameter.matches() ? parameters.get(parameter.group(1)) : value;
        if (resolved == null) {
            problems.add(component + ": '" + property + "' refers to an undefined parameter " + value);
        } else if (!allowed.isEmpty() && !resolved.contains("${") && !allowed.contains(resolved)) {
            problems.add(component + ": '" + property + "' is " + resolved + ", not one of " + allowed);
        }
    }

    private static void checkRelationship(JsonNode processor, Map<String, ExtensionManifests.Extension> processors,
            String relationship, List<String> problems) {
        if (processor == null) {
            problems.add("a connection starts at no processor of the group");
            return;
        }
        ExtensionManifests.Extension extension = processors.get(processor.path("identifier").asText());
        if (extension == null || extension.relationships().contains(relationship)) {
            return;
        }
        boolean dynamic = extension.dynamicRelationships() && processor.path("properties").has(relationship);
        if (!dynamic) {
            problems.add(processor.path("name").asText() + ": " + extension.type() + " has no relationship '"
                    + relationship + "'");
        }
    }

    private static Map<String, String> parameters(JsonNode definition, String context) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode parameter : definition.path("parameterContexts").path(context).path("parameters")) {
            // A sensitive parameter is exported without its value; it is defined all the same.
            values.put(parameter.path("name").asText(), parameter.path("value").asText(""));
        }
        return values;
    }
}
