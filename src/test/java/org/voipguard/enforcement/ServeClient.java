package org.voipguard.enforcement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asks a running {@code serve} over real HTTP, as a switch does. */
final class ServeClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    ServeClient(int port) {
        this(port, null);
    }

    ServeClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** {@code pathAndQuery} as it goes on the wire: already percent-encoded. */
    Answer get(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks until the answer passes, for at most {@code within}; returns the last answer. */
    Answer awaitAnswer(String pathAndQuery, Predicate<Answer> passes, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Answer answer = get(pathAndQuery);
        while (!passes.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            answer = get(pathAndQuery);
        }
        return answer;
    }

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String field(String name) {
            JsonNode value = json().get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
