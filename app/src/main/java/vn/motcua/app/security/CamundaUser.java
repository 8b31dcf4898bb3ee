package vn.motcua.app.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.List;

/**
 * The signed-in person as the Camunda identity service knows them; the principal of every
 * authentication made by {@link CamundaIdentityAuthenticationProvider}. Groups are read at sign-in:
 * a change of membership applies from the next sign-in (session) or the next request (HTTP Basic).
 */
public record CamundaUser(String id, String firstName, String lastName, String email, List<GroupRef> groups)
        implements Principal, Serializable {

    public CamundaUser {
        groups = List.copyOf(groups);
    }

    /** The user id: Spring Security and the servlet container report it as the principal's name. */
    @Override
    public String getName() {
        return id;
    }

    /** "Họ tên" as Vietnamese write it: family name first. Falls back to the id. */
    public String displayName() {
        String name = ((lastName == null ? "" : lastName) + " " + (firstName == null ? "" : firstName)).trim();
        return name.isEmpty() ? id : name;
    }

    public List<String> groupIds() {
        return groups.stream().map(GroupRef::id).toList();
    }

    public record GroupRef(String id, String name) implements Serializable {}
}
