package vn.motcua.app.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import vn.motcua.app.clerk.DossierSection;
import vn.motcua.app.clerk.PageFormat;
import vn.motcua.dossier.Dossier;

/**
 * The clerk's dossier view, first: a step of the dossier's process that failed (signing without a usable key, a slip
 * that could not be laid out…). Without it the dossier just stands still at "being processed" and nobody at the desk
 * knows why. Each failed job gives the step's name, whether the engine tries again by itself (and when) or an
 * operator must retry it after the fix (an incident), and the failure's message as a technical detail.
 */
@Component
class FailedStepSection implements DossierSection {

    /** The engine's messages can be long (a wrapped cause); the page needs the first sentence or two. */
    static final int MAX_DETAIL = 400;

    private final ManagementService management;
    private final RepositoryService repository;

    FailedStepSection(ManagementService management, RepositoryService repository) {
        this.management = management;
        this.repository = repository;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String titleVi() {
        return "Sự cố khi xử lý";
    }

    @Override
    public String titleEn() {
        return "Processing problem";
    }

    @Override
    public List<Line> lines(Dossier dossier) {
        if (dossier.processInstanceId() == null) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        management.createJobQuery().processInstanceId(dossier.processInstanceId()).withException().list().stream()
                .sorted(Comparator.comparing(Job::getId))
                .forEach(job -> {
                    lines.add(Line.text("Bước / Step", stepName(job)));
                    lines.add(Line.text("Tình trạng / State", state(job)));
                    lines.add(Line.text("Chi tiết kỹ thuật / Technical detail", detail(job.getExceptionMessage())));
                });
        return lines;
    }

    private String stepName(Job job) {
        String activityId = job.getFailedActivityId();
        if (activityId == null) {
            return "—";
        }
        FlowElement element =
                repository.getBpmnModelInstance(job.getProcessDefinitionId()).getModelElementById(activityId);
        return element == null || element.getName() == null ? activityId : element.getName();
    }

    private static String state(Job job) {
        if (job.getRetries() > 0) {
            return "Hệ thống sẽ tự thử lại lúc "
                    + PageFormat.INSTANCE.dt(
                            job.getDuedate() == null ? null : job.getDuedate().toInstant())
                    + " (còn " + job.getRetries() + " lần) / The system retries at that time (" + job.getRetries()
                    + " left)";
        }
        return "Đã dừng: quản trị viên cần khắc phục nguyên nhân rồi cho thử lại (Cockpit) / Stopped: an operator"
                + " fixes the cause, then retries it (Cockpit)";
    }

    static String detail(String message) {
        if (message == null || message.isBlank()) {
            return "—";
        }
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }
}
