package vn.motcua.app.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the gateway endpoints read from a request. */
public final class GatewayRequests {

    private GatewayRequests() {}

    /** The query's (or form's) parameters, the first value of each, in the order sent. */
    public static Map<String, String> firstValues(HttpServletRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                parameters.put(name, values[0]);
            }
        });
        return parameters;
    }

    /** The application's address as this request reached it (scheme, host, port, context path). */
    public static URI applicationUrl(HttpServletRequest request) {
        return URI.create(ServletUriComponentsBuilder.fromContextPath(request)
                        .replaceQuery(null)
                        .build()
                        .toUriString()
                + "/");
    }
}
