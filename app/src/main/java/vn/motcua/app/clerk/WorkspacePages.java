package vn.motcua.app.clerk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.motcua.app.security.CamundaUser;
import vn.motcua.dossier.DocumentFile;

/**
 * The clerks' and leaders' workspace at {@code /can-bo/}: the tasks of the user's agencies and groups, one task with
 * its dossier beside it and its Camunda Form, the dossier on its own, its files and its process diagram. Claiming
 * and handing back are plain form posts (work without scripts); completing goes through the task's form-js form,
 * whose script posts the values as JSON with the CSRF header.
 */
@Controller
@RequestMapping(WorkspacePages.ROOT)
class WorkspacePages {

    static final String ROOT = "/can-bo";

    private final Workspace workspace;
    private final ClerkDossiers dossiers;
    private final Clock clock;

    WorkspacePages(Workspace workspace, ClerkDossiers dossiers, Clock clock) {
        this.workspace = workspace;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @GetMapping("/")
    String tasks(
            @AuthenticationPrincipal CamundaUser user,
            @RequestParam(name = "xong", required = false) String done,
            @RequestParam(name = "trang", defaultValue = "1") int page,
            Model model) {
        model.addAttribute("user", user);
        Workspace.TaskPage tasks = workspace.tasks(user, page);
        model.addAttribute("list", tasks);
        model.addAttribute("tasks", tasks.tasks());
        model.addAttribute("done", done != null);
        model.addAttribute("now", clock.instant());
        return "can-bo/cong-viec";
    }

    @GetMapping("/viec/{taskId}")
    String task(@AuthenticationPrincipal CamundaUser user, @PathVariable String taskId, Model model) {
        Workspace.WorkspaceTask task = workspace.task(user, taskId);
        model.addAttribute("user", user);
        model.addAttribute("task", task);
        model.addAttribute(
                "view",
                task.dossier() == null
                        ? null
                        : dossiers.view(user, task.dossier().code()));
        return "can-bo/viec";
    }

    @PostMapping("/viec/{taskId}/nhan")
    String claim(@AuthenticationPrincipal CamundaUser user, @PathVariable String taskId) {
        workspace.claim(user, taskId);
        return "redirect:" + ROOT + "/viec/" + taskId;
    }

    @PostMapping("/viec/{taskId}/tra-lai")
    String unclaim(@AuthenticationPrincipal CamundaUser user, @PathVariable String taskId) {
        workspace.unclaim(user, taskId);
        return "redirect:" + ROOT + "/";
    }

    /** The task's form, for the form-js viewer: {@code {"schema": {...}, "data": {...}}}. */
    @GetMapping(path = "/viec/{taskId}/bieu-mau", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> form(@AuthenticationPrincipal CamundaUser user, @PathVariable String taskId)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        Workspace.TaskForm form = workspace.form(user, taskId);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var body = json.createObjectNode();
        body.set("schema", json.readTree(form.schema()));
        body.set("data", json.valueToTree(form.data()));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body.toString());
    }

    /** Completes the task with the form's values ({@code {"values": {...}}}); 204, then the page goes back. */
    @PostMapping(path = "/viec/{taskId}/hoan-thanh", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> complete(
            @AuthenticationPrincipal CamundaUser user, @PathVariable String taskId, @RequestBody JsonNode body) {
        workspace.complete(user, taskId, values(body.path("values")));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/ho-so/{code}")
    String dossier(@AuthenticationPrincipal CamundaUser user, @PathVariable String code, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("view", dossiers.view(user, code));
        return "can-bo/ho-so";
    }

    /**
     * A file of the dossier, shown in the browser (PDF, JPEG or PNG: the only types taken in, checked by their
     * bytes at upload). Sandboxed and never sniffed, so a file cannot run script in the site's origin.
     */
    @GetMapping("/ho-so/{code}/tai-lieu/{id}")
    ResponseEntity<byte[]> document(
            @AuthenticationPrincipal CamundaUser user, @PathVariable String code, @PathVariable long id) {
        DocumentFile file = dossiers.document(user, code, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(
                        "Content-Security-Policy",
                        "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }

    /** The BPMN of the version the dossier runs on, for the diagram viewer. */
    @GetMapping(path = "/ho-so/{code}/so-do", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String diagram(@AuthenticationPrincipal CamundaUser user, @PathVariable String code) {
        return dossiers.diagram(user, code);
    }

    /** Form values as the engine stores them: text, whole or decimal numbers, true/false, or nothing. */
    static Map<String, Object> values(JsonNode values) {
        if (!values.isObject()) {
            throw new InvalidFormValuesException("values", "values must be an object of the form's fields.");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        values.fields().forEachRemaining(field -> {
            JsonNode v = field.getValue();
            Object value;
            if (v.isNull()) {
                value = null;
            } else if (v.isTextual()) {
                value = v.textValue();
            } else if (v.isBoolean()) {
                value = v.booleanValue();
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                value = v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
            } else if (v.isNumber()) {
                value = v.doubleValue();
            } else {
                throw new InvalidFormValuesException(
                        field.getKey(), "Field " + field.getKey() + " must be text, a number, true/false or empty.");
            }
            if (field.getKey().length() > 100) {
                throw new InvalidFormValuesException(field.getKey(), "A field name is at most 100 characters.");
            }
            if (value instanceof String s && s.length() > 4000) {
                throw new InvalidFormValuesException(
                        field.getKey(), "Field " + field.getKey() + " is longer than 4000 characters.");
            }
            result.put(field.getKey(), value);
        });
        return result;
    }
}
