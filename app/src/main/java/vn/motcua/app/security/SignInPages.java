package vn.motcua.app.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in form (Vietnamese first, one column, readable on a phone); signed-in staff land on the clerk's
 * workspace at {@value SecurityConfiguration#STAFF_HOME}. A plain HTML template under {@code classpath:security/}, no template engine:
 * {@code {{name}}} placeholders are replaced with HTML-escaped values.
 */
@Controller
class SignInPages {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private final String loginTemplate = read("security/login.html");

    @GetMapping(value = SecurityConfiguration.LOGIN_PAGE, produces = HTML_UTF8)
    @ResponseBody
    String login(
            CsrfToken csrf,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        String message = "";
        if (error != null) {
            message = "<p class=\"msg err\" role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản "
                    + "đang tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau ít phút.</p>";
        } else if (logout != null) {
            message = "<p class=\"msg ok\" role=\"status\">Bạn đã đăng xuất.</p>";
        }
        return render(
                loginTemplate,
                Map.of(
                        "csrfParameter", csrf.getParameterName(),
                        "csrfToken", csrf.getToken()),
                Map.of("message", message));
    }

    private static String render(String template, Map<String, String> text, Map<String, String> html) {
        String page = template;
        for (Map.Entry<String, String> e : text.entrySet()) {
            page = page.replace("{{" + e.getKey() + "}}", HtmlUtils.htmlEscape(e.getValue(), "UTF-8"));
        }
        for (Map.Entry<String, String> e : html.entrySet()) {
            page = page.replace("{{{" + e.getKey() + "}}}", e.getValue());
        }
        return page;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
