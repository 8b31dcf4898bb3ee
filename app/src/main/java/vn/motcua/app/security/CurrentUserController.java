package vn.motcua.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tài khoản", description = "The signed-in user")
class CurrentUserController {

    @GetMapping("/api/me")
    @Operation(summary = "Who is signed in: user id, display name and Camunda groups")
    Me me(@AuthenticationPrincipal CamundaUser user) {
        return new Me(
                user.id(),
                user.displayName(),
                user.firstName(),
                user.lastName(),
                user.email(),
                user.groups().stream().map(g -> new Group(g.id(), g.name())).toList());
    }

    /** {@code displayName} is "họ tên", family name first. */
    record Me(String id, String displayName, String firstName, String lastName, String email, List<Group> groups) {}

    record Group(String id, String name) {}
}
