package org.distribooze.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The few calls of NiFi's REST API the server test makes, as the UI would make them. */
final class NifiRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    NifiRest(URI api) {
        this.api = api;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path)).GET());
    }

    JsonNode put(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    /** "Upload flow definition" of the canvas: a multipart form with the group's name, position and the file. */
    JsonNode upload(String parentGroupId, String groupName, byte[] flowDefinition)
            throws IOException, InterruptedException {
        String boundary = "distribooze-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "groupName", groupName);
        field(body, boundary, "positionX", "0");
        field(body, boundary, "positionY", "0");
        field(body, boundary, "clientId", "distribooze-test");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + groupName + ".json\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(flowDefinition);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        return send(HttpRequest.newBuilder(api.resolve("process-groups/" + parentGroupId + "/process-groups/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(response.request().method() + " " + response.uri() + ": " + response.statusCode()
                    + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
