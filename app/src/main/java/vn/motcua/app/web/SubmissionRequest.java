package vn.motcua.app.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.DossierSubmission.NewDossier;
import vn.motcua.result.ReadResultDeliveryDelegate;

/**
 * The JSON part ({@code dossier}) of a multipart submission. Every other part is a file, named by
 * the procedure's document code it is for (e.g. {@code ban-chinh}); a part may hold several files.
 *
 * @param agencyCode          the receiving desk's agency; its unit starts the dossier code
 * @param competentAgencyCode the agency that decides, where the procedure lets the citizen choose (e.g. the
 *                            commune of residence); otherwise leave it out
 * @param returnAgencyCode    the desk where the citizen collects the result; left out, the receiving desk
 * @param scannedDocuments    at the desk only: the codes of the paper documents the clerk scanned, whose scans are
 *                            the file parts of those codes (digitisation at receipt); left out online
 * @param resultDelivery      how the citizen receives the result (at the desk, by post, electronically); left out:
 *                            at the return desk
 */
public record SubmissionRequest(
        String procedureKey,
        String agencyCode,
        Applicant applicant,
        Map<String, Object> data,
        String competentAgencyCode,
        String returnAgencyCode,
        List<String> scannedDocuments,
        ResultDelivery resultDelivery) {

    public static final String JSON_PART = "dossier";

    /**
     * How the result reaches the citizen.
     *
     * @param method  {@code DESK} (collected at the return desk), {@code POST} (sent by the public postal service to
     *                {@code address}) or {@code ONLINE} (electronically, for full-online procedures only)
     * @param address the delivery address, for {@code POST}
     */
    public record ResultDelivery(String method, String address) {

        // The engine's return step reads the same words (ReadResultDeliveryDelegate): one list of them.
        public static final String DESK = ReadResultDeliveryDelegate.DESK;
        public static final String POST = ReadResultDeliveryDelegate.POST;
        public static final String ONLINE = ReadResultDeliveryDelegate.ONLINE;
    }

    /** The dossier to take in from this JSON part and the request's files, sent through a channel by an actor. */
    public NewDossier toNewDossier(Channel channel, MultipartHttpServletRequest multipart, String actor) {
        return new NewDossier(
                procedureKey,
                applicant,
                agencyCode,
                competentAgencyCode,
                returnAgencyCode,
                channel,
                data,
                files(multipart),
                actor,
                scannedDocuments);
    }

    /** The files of a multipart request, each tagged with the document code its part is named after. */
    public static List<DocumentFile> files(MultipartHttpServletRequest request) {
        List<DocumentFile> files = new ArrayList<>();
        request.getMultiFileMap().forEach((part, uploads) -> {
            if (JSON_PART.equals(part)) {
                return;
            }
            for (MultipartFile upload : uploads) {
                try {
                    files.add(new DocumentFile(
                            part, upload.getOriginalFilename(), upload.getContentType(), upload.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the uploaded file " + upload.getOriginalFilename(), e);
                }
            }
        });
        return files;
    }
}
