package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.procedure.ServiceLevel;

/** A dossier (hồ sơ) as the application keeps it, linked to its process instance by business key = code. */
public record Dossier(
        long id,
        String code,
        String procedureKey,
        int procedureVersion,
        String processInstanceId,
        Applicant applicant,
        String receivingAgencyCode,
        String competentAgencyCode,
        String returnAgencyCode,
        Channel channel,
        ServiceLevel serviceLevel,
        PublicStatus publicStatus,
        String internalStep,
        Instant submittedAt,
        Instant receivedAt,
        Instant dueAt,
        Instant finishedAt,
        Instant returnedAt) {}
