package org.distribooze.nifi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.nifi.migration.PropertyConfiguration;

/**
 * A processor's properties as a saved flow holds them: only the names it had when it was saved. NiFi's test runner
 * cannot stand in for it, since it knows every property the processor has today.
 */
final class SavedProperties implements PropertyConfiguration {

    private final Map<String, String> properties = new LinkedHashMap<>();

    SavedProperties(Map<String, String> saved) {
        properties.putAll(saved);
    }

    Map<String, String> asMap() {
        return properties;
    }

    @Override
    public boolean renameProperty(String propertyName, String newName) {
        if (!properties.containsKey(propertyName)) {
            return false;
        }
        properties.put(newName, properties.remove(propertyName));
        return true;
    }

    @Override
    public boolean removeProperty(String propertyName) {
        boolean known = properties.containsKey(propertyName);
        properties.remove(propertyName);
        return known;
    }

    @Override
    public boolean hasProperty(String propertyName) {
        return properties.containsKey(propertyName);
    }

    @Override
    public boolean isPropertySet(String propertyName) {
        return properties.get(propertyName) != null;
    }

    @Override
    public void setProperty(String propertyName, String propertyValue) {
        properties.put(propertyName, propertyValue);
    }

    @Override
    public Optional<String> getPropertyValue(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName));
    }

    @Override
    public Optional<String> getRawPropertyValue(String propertyName) {
        return getPropertyValue(propertyName);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.copyOf(properties);
    }

    @Override
    public Map<String, String> getRawProperties() {
        return getProperties();
    }

    @Override
    public String createControllerService(String implementationClassName, Map<String, String> serviceProperties) {
        throw new UnsupportedOperationException("ClusterFlows creates no controller service when migrating");
    }
}
