package org.voipguard.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With voipguard.serve.token set, a /v1 question needs the bearer token; health does not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "voipguard.serve.token=s3cret-token"})
class ServeTokenTest {

    private static final String QUESTION = "/v1/registrations/authorize?number=441632960001&ip=192.0.2.1";

    @LocalServerPort
    private int port;

    @Test
    void aQuestionWithoutTheTokenOrWithAWrongOneIs401() {
        ServeClient.Answer none = new ServeClient(port).get(QUESTION);
        ServeClient.Answer wrong = new ServeClient(port, "s3cret-tokeN").get(QUESTION);

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.field("error")).contains("Bearer");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void aQuestionWithTheTokenIsAnswered() {
        ServeClient.Answer answer = new ServeClient(port, "s3cret-token").get(QUESTION);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.field("decision")).isEqualTo("ALLOW");
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(new ServeClient(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
