package vn.motcua.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/** The one place an error is answered: a page for a person's browser on a page route, problem details otherwise. */
class ProblemErrorControllerTest {

    private static final JerseyApplicationPath ENGINE_REST = () -> "/engine-rest/*";
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Test
    void aServerErrorOnAPageRouteIsTheErrorPageWithStatus500() {
        Object answer =
                new ProblemErrorController(ENGINE_REST).error(errorOf("/thu-tuc/chung-thuc-ban-sao", 500, BROWSER));
        assertThat(answer).isInstanceOfSatisfying(ModelAndView.class, page -> {
            assertThat(page.getViewName()).isEqualTo("error");
            assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
            assertThat(page.getModel()).containsEntry("status", 500);
        });
    }

    @Test
    void theApiTheEngineAndRequestsNotAskingForHtmlGetProblemDetails() {
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {
            errorOf("/api/public/dossiers/x", 500, BROWSER),
            errorOf("/engine-rest/task", 404, BROWSER),
            errorOf("/actuator/health", 404, BROWSER),
            errorOf("/thu-tuc/x", 404, "*/*"),
            errorOf("/thu-tuc/x", 404, MediaType.APPLICATION_JSON_VALUE),
            errorOf("/thu-tuc/x", 404, "text/html;q=0"),
            errorOf("/thu-tuc/x", 404, null)
        }) {
            Object answer = new ProblemErrorController(ENGINE_REST).error(request);
            assertThat(answer)
                    .as(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + " " + request.getHeader("Accept"))
                    .isInstanceOf(ResponseEntity.class);
            ResponseEntity<?> problem = (ResponseEntity<?>) answer;
            assertThat(problem.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(problem.getBody()).isInstanceOf(ProblemDetail.class);
        }
    }

    @Test
    void aScriptsCallToAPageRouteIsNotAPageRequest() {
        MockHttpServletRequest request = errorOf("/can-bo/viec/1/hoan-thanh", 403, BROWSER);
        request.addHeader("X-Requested-With", "XMLHttpRequest");
        assertThat(PageRequests.wantsPage(request)).isFalse();
        assertThat(PageRequests.wantsPage(errorOf("/can-bo/viec/1/hoan-thanh", 403, BROWSER)))
                .isTrue();
        assertThat(PageRequests.wantsPage(errorOf("/", 404, "not a media type")))
                .isFalse();
    }

    @Test
    void aDatabaseOutageMetBeforeCamundasRestApiIsAnsweredInCamundasShapeThereAndAsAProblemElsewhere() {
        MockHttpServletRequest engine = errorOf("/engine-rest/task", 500, "application/json");
        engine.setAttribute(RequestDispatcher.ERROR_EXCEPTION, outage());
        assertThat(new ProblemErrorController(ENGINE_REST).error(engine))
                .isInstanceOfSatisfying(ResponseEntity.class, answer -> {
                    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
                    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
                    assertThat(answer.getBody()).isInstanceOfSatisfying(ExceptionDto.class, dto -> {
                        assertThat(dto.getType()).isEqualTo("DatabaseUnavailable");
                        assertThat(dto.getMessage()).contains("try again in 10 seconds");
                    });
                });

        for (String path : new String[] {"/api/dossiers", "/engine-restful/x"}) {
            MockHttpServletRequest other = errorOf(path, 500, "application/json");
            other.setAttribute(RequestDispatcher.ERROR_EXCEPTION, outage());
            assertThat(new ProblemErrorController(ENGINE_REST).error(other))
                    .as(path)
                    .isInstanceOfSatisfying(ResponseEntity.class, answer -> {
                        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                        assertThat(((ProblemDetail) answer.getBody()).getType())
                                .hasToString("https://motcua.vn/problems/database-unavailable");
                    });
        }

        MockHttpServletRequest notAnOutage = errorOf("/engine-rest/task", 500, "application/json");
        notAnOutage.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("bug"));
        assertThat(new ProblemErrorController(ENGINE_REST).error(notAnOutage))
                .isInstanceOfSatisfying(ResponseEntity.class, answer -> {
                    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
                    assertThat(answer.getBody()).isInstanceOf(ProblemDetail.class);
                });
    }

    private static RuntimeException outage() {
        return new RuntimeException(
                "ENGINE-03004", new SQLTransientConnectionException("motcua - Connection is not available"));
    }

    private static MockHttpServletRequest errorOf(String path, int status, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
