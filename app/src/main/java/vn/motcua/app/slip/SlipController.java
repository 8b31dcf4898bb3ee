package vn.motcua.app.slip;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.agency.AgencySide;
import vn.motcua.agency.StaffRole;
import vn.motcua.app.security.DossierAccess;
import vn.motcua.app.web.InvalidParameterException;
import vn.motcua.dossier.DocumentFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRepository;
import vn.motcua.dossier.UnknownDossierException;
import vn.motcua.engine.EngineClock;
import vn.motcua.slip.DossierSlips;
import vn.motcua.slip.Slip;
import vn.motcua.slip.TrackingRegister;

/**
 * The slips at the desk: staff of the dossier's receiving, competent or return agency list and print its slips and
 * its process control slip; staff of an agency export its tracking register. Everything is answered inline as PDF
 * (or CSV), so a browser opens it ready to print.
 */
@RestController
@Tag(name = "Slips", description = "Phiếu, giấy tiếp nhận và sổ theo dõi hồ sơ (Thông tư 01/2018/TT-VPCP)")
class SlipController {

    private static final Set<StaffRole> STAFF =
            EnumSet.of(StaffRole.DESK_CLERK, StaffRole.SPECIALIST, StaffRole.LEADER);
    private static final Map<AgencySide, Set<StaffRole>> ANY_SIDE =
            Map.of(AgencySide.RECEIVING, STAFF, AgencySide.COMPETENT, STAFF, AgencySide.RETURN, STAFF);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final DossierAccess access;
    private final DossierSlips slips;
    private final TrackingRegister register;
    private final DossierRepository dossiers;

    SlipController(DossierAccess access, DossierSlips slips, TrackingRegister register, DossierRepository dossiers) {
        this.access = access;
        this.slips = slips;
        this.register = register;
        this.dossiers = dossiers;
    }

    @GetMapping("/api/dossiers/{code}/slips")
    @Operation(
            summary = "The dossier's slips",
            description =
                    "Staff of the dossier's receiving, competent or return agency (403 otherwise): the slips kept "
                            + "with the dossier (receipt, supplement requests, refusal, apology) with their print addresses, "
                            + "and the address of the process control slip, written when asked.")
    SlipList list(@PathVariable String code, Principal user) {
        Dossier d = access.require(user, code, ANY_SIDE);
        List<SlipEntry> entries = slips.slips(d.id()).stream()
                .map(doc -> {
                    Slip slip = Slip.ofCode(doc.documentCode()).orElseThrow();
                    return new SlipEntry(
                            doc.id(),
                            slip.code(),
                            "Mẫu " + slip.form(),
                            slip.nameVi(),
                            slip.nameEn(),
                            doc.fileName(),
                            doc.uploadedAt().atZone(EngineClock.VIETNAM).toOffsetDateTime(),
                            "/api/dossiers/" + d.code() + "/slips/" + doc.id());
                })
                .toList();
        return new SlipList(d.code(), entries, "/api/dossiers/" + d.code() + "/control-slip");
    }

    @GetMapping(path = "/api/dossiers/{code}/slips/{documentId}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "Print one of the dossier's slips",
            description =
                    "The PDF as it was issued, inline. 404 for a document that is not one of this dossier's slips.")
    ResponseEntity<byte[]> slip(@PathVariable String code, @PathVariable long documentId, Principal user) {
        Dossier d = access.require(user, code, ANY_SIDE);
        DocumentFile file = dossiers.documentContent(d.id(), documentId)
                .filter(f -> Slip.ofCode(f.documentCode()).isPresent())
                .orElseThrow(() -> new UnknownDossierException(code));
        return inline(file.content(), MediaType.APPLICATION_PDF, file.fileName());
    }

    @GetMapping(path = "/api/dossiers/{code}/control-slip", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "Print the process control slip (Mẫu 05)",
            description = "Written now from the dossier's recorded steps: each step, who, when, on time or late.")
    ResponseEntity<byte[]> controlSlip(@PathVariable String code, Principal user) {
        Dossier d = access.require(user, code, ANY_SIDE);
        return inline(
                slips.processControlSlip(d.code()),
                MediaType.APPLICATION_PDF,
                Slip.PROCESS_CONTROL.code() + "-" + d.code() + ".pdf");
    }

    @GetMapping(
            path = "/api/register",
            produces = {MediaType.APPLICATION_PDF_VALUE, "text/csv"})
    @Operation(
            summary = "Export an agency's tracking register (Mẫu 06)",
            description = "The dossiers submitted at the receiving agency `agency` from `from` to `to` (ISO dates, "
                    + "Vietnam time, both included, at most 366 days), as `format=pdf` (default, to print) or "
                    + "`format=csv` (UTF-8 with a byte order mark). Staff of that agency only (403 otherwise).")
    ResponseEntity<byte[]> register(
            @RequestParam String agency,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(defaultValue = "pdf") String format,
            Principal user) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidParameterException("to", "'to' must not be before 'from'");
        }
        if (start.plusDays(TrackingRegister.MAX_DAYS).isBefore(end)) {
            throw new InvalidParameterException("to", "at most " + TrackingRegister.MAX_DAYS + " days at a time");
        }
        if (!format.equals("pdf") && !format.equals("csv")) {
            throw new InvalidParameterException("format", "'format' is pdf or csv");
        }
        access.requireAnyAt(user, agency, STAFF);
        String name = Slip.REGISTER.code() + "-" + agency + "-" + start + "-" + end + "." + format;
        return format.equals("csv")
                ? inline(register.csv(agency, start, end), CSV, name)
                : inline(register.pdf(agency, start, end), MediaType.APPLICATION_PDF, name);
    }

    private static ResponseEntity<byte[]> inline(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "'" + name + "' must be an ISO-8601 date, e.g. 2026-01-31");
        }
    }

    /** The slips of one dossier and where its process control slip is written. */
    record SlipList(String code, List<SlipEntry> slips, String controlSlipHref) {}

    record SlipEntry(
            long id,
            String documentCode,
            String form,
            String name,
            String nameEn,
            String fileName,
            OffsetDateTime issuedAt,
            String href) {}
}
