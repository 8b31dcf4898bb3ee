package vn.motcua.dossier;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A dossier's public status: exactly the national public-service portal's list of codes.
 * The finer internal step is kept beside it on the dossier.
 */
public enum PublicStatus {
    NEW(1, "Mới đăng ký", "Newly submitted"),
    RECEIVED(2, "Được tiếp nhận", "Received"),
    NOT_RECEIVED(3, "Không được tiếp nhận", "Not received"),
    PROCESSING(4, "Đang xử lý", "Processing"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ", "Supplement requested"),
    AWAITING_FINANCIAL_OBLIGATION(6, "Yêu cầu thực hiện nghĩa vụ tài chính", "Awaiting financial obligation"),
    WITHDRAWAL_REQUESTED(7, "Công dân yêu cầu rút hồ sơ", "Withdrawal requested"),
    STOPPED(8, "Dừng xử lý", "Processing stopped"),
    PROCESSED(9, "Đã xử lý xong", "Processed"),
    RESULT_RETURNED(10, "Đã trả kết quả", "Result returned");

    private final int code;
    private final String nameVi;
    private final String nameEn;

    PublicStatus(int code, String nameVi, String nameEn) {
        this.code = code;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public int code() {
        return code;
    }

    public String nameVi() {
        return nameVi;
    }

    public String nameEn() {
        return nameEn;
    }

    public static PublicStatus ofCode(int code) {
        return Arrays.stream(values())
                .filter(s -> s.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No public status with code " + code));
    }

    /** A status that nothing follows: the dossier's life is over. */
    public boolean isFinal() {
        return successors().isEmpty();
    }

    /**
     * The statuses a dossier may move to from this one. Staying in the same status (a new internal
     * step) is always allowed for a status that is not final.
     */
    public Set<PublicStatus> successors() {
        return switch (this) {
            // 1 → 6: a fee the law has paid on submission is asked for before the receipt (docs/fees.md).
            case NEW ->
                EnumSet.of(
                        RECEIVED,
                        NOT_RECEIVED,
                        SUPPLEMENT_REQUESTED,
                        AWAITING_FINANCIAL_OBLIGATION,
                        WITHDRAWAL_REQUESTED);
            case RECEIVED ->
                EnumSet.of(
                        PROCESSING,
                        SUPPLEMENT_REQUESTED,
                        AWAITING_FINANCIAL_OBLIGATION,
                        WITHDRAWAL_REQUESTED,
                        STOPPED,
                        PROCESSED);
            case PROCESSING ->
                EnumSet.of(
                        SUPPLEMENT_REQUESTED, AWAITING_FINANCIAL_OBLIGATION, WITHDRAWAL_REQUESTED, STOPPED, PROCESSED);
            case SUPPLEMENT_REQUESTED ->
                EnumSet.of(NEW, RECEIVED, PROCESSING, NOT_RECEIVED, WITHDRAWAL_REQUESTED, STOPPED);
            case AWAITING_FINANCIAL_OBLIGATION -> EnumSet.of(RECEIVED, PROCESSING, WITHDRAWAL_REQUESTED, STOPPED);
            case WITHDRAWAL_REQUESTED -> EnumSet.of(STOPPED);
            case PROCESSED -> EnumSet.of(RESULT_RETURNED);
            case NOT_RECEIVED, STOPPED, RESULT_RETURNED -> EnumSet.noneOf(PublicStatus.class);
        };
    }

    public boolean mayMoveTo(PublicStatus next) {
        return next == this ? !isFinal() : successors().contains(next);
    }
}
