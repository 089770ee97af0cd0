package org.distribooze.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What each NAR says about its extensions (META-INF/docs/extension-manifest.xml, written by the NAR plugin from
 * the component classes): their property names, allowable values and relationships.
 */
final class ExtensionManifests {

    /** One processor or controller service as its NAR describes it. */
    record Extension(String bundle, String type, Map<String, Set<String>> properties, boolean dynamicProperties,
            Set<String> relationships, boolean dynamicRelationships) {
    }

    private final Map<String, Extension> byBundleAndType = new HashMap<>();

    private ExtensionManifests() {
    }

    static ExtensionManifests read(List<Path> nars) throws Exception {
        ExtensionManifests manifests = new ExtensionManifests();
        for (Path nar : nars) {
            try (ZipFile zip = new ZipFile(nar.toFile())) {
                ZipEntry entry = zip.getEntry("META-INF/docs/extension-manifest.xml");
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        manifests.add(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in));
                    }
                }
            }
        }
        return manifests;
    }

    /** The extension of that type in the bundle group:artifact (any version: NiFi takes the one it has). */
    Extension find(String group, String artifact, String type) {
        return byBundleAndType.get(group + ":" + artifact + "/" + type);
    }

    private void add(Document manifest) {
        Element root = manifest.getDocumentElement();
        String bundle = text(root, "groupId") + ":" + text(root, "artifactId");
        for (Element extension : children(child(root, "extensions"), "extension")) {
            Map<String, Set<String>> properties = new LinkedHashMap<>();
            for (Element property : children(child(extension, "properties"), "property")) {
                Set<String> allowed = new TreeSet<>();
                for (Element value : children(child(property, "allowableValues"), "allowableValue")) {
                    allowed.add(text(value, "value"));
                }
                properties.put(text(property, "name"), allowed);
            }
            Set<String> relationships = new TreeSet<>();
            for (Element relationship : children(child(extension, "relationships"), "relationship")) {
                relationships.add(text(relationship, "name"));
            }
            String type = text(extension, "name");
            byBundleAndType.put(bundle + "/" + type, new Extension(bundle, type, properties,
                    child(extension, "dynamicProperties") != null, relationships,
                    child(extension, "dynamicRelationship") != null));
        }
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            NodeList nodes = parent.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
