package vn.motcua.app.search;

import java.util.Random;

/**
 * Realistic applicants for benchmarks: family names drawn with their approximate share of the population
 * (Nguyễn about 38 %, Trần 11 %, Lê 9.5 % …), middle and given names by gender, 12-digit citizen identity numbers
 * (province code, century-and-gender digit, year of birth), mobile numbers with the carriers' prefixes, and
 * addresses of Hà Nội streets, wards and districts. Seeded: the same seed gives the same people.
 */
final class VietnameseSamples {

    private static final String[] FAMILY = {
        "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
        "Lý", "Đào", "Đoàn", "Trịnh", "Mai", "Cao", "Lương", "Hà", "Lâm", "Tạ", "Chu", "Tô", "Văn", "Kiều", "Quách"
    };
    private static final double[] FAMILY_SHARE = {
        38, 11, 9.5, 7.1, 4.0, 3.0, 4.5, 2.0, 1.9, 2.1, 2.0, 1.4, 1.3, 1.3, 1.0, 0.5, 0.5, 0.5, 0.5, 0.4, 0.3, 0.3, 0.3,
        0.3, 0.2, 0.2, 0.2, 0.2, 0.1, 0.1
    };
    private static final String[] MIDDLE_MALE = {
        "Văn",
        "Văn",
        "Văn",
        "Hữu",
        "Đức",
        "Minh",
        "Quốc",
        "Thanh",
        "Công",
        "Xuân",
        "Đình",
        "Ngọc",
        "Hoàng",
        "Quang",
        "Tuấn",
        "Gia",
        "Trọng",
        "Văn Minh",
        "Đức Anh",
        "Bá"
    };
    private static final String[] MIDDLE_FEMALE = {
        "Thị",
        "Thị",
        "Thị",
        "Ngọc",
        "Thu",
        "Thanh",
        "Minh",
        "Kim",
        "Thùy",
        "Phương",
        "Hoài",
        "Mỹ",
        "Bích",
        "Diệu",
        "Khánh",
        "Thị Thu",
        "Thị Ngọc",
        "Hồng",
        "Lan",
        "Bảo"
    };
    private static final String[] GIVEN_MALE = {
        "An", "Anh", "Bảo", "Bình", "Cường", "Công", "Dũng", "Duy", "Dương", "Đạt", "Đức", "Đông", "Đoàn", "Giang",
        "Hải", "Hào", "Hiếu", "Hiển", "Hòa", "Hoàng", "Hùng", "Huy", "Hưng", "Khang", "Khánh", "Khoa", "Kiên", "Lâm",
        "Long", "Lộc", "Lợi", "Minh", "Nam", "Nghĩa", "Nhân", "Phát", "Phong", "Phúc", "Quang", "Quân", "Quý", "Sơn",
        "Tài", "Tâm", "Thái", "Thành", "Thắng", "Thịnh", "Thuận", "Tiến", "Toàn", "Trung", "Trường", "Tú", "Tuấn",
        "Tùng", "Việt", "Vinh", "Vũ", "Doãn"
    };
    private static final String[] GIVEN_FEMALE = {
        "Anh", "Ánh", "Bích", "Châu", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
        "Hồng", "Huệ", "Hương", "Hường", "Khánh", "Lan", "Liên", "Linh", "Loan", "Ly", "Mai", "My", "Nga", "Ngân",
        "Ngọc", "Nhung", "Nhi", "Oanh", "Phương", "Phượng", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Thúy",
        "Thư", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Yến", "Xuân"
    };
    private static final String[] STREETS = {
        "Lê Lợi",
        "Trần Hưng Đạo",
        "Nguyễn Trãi",
        "Hai Bà Trưng",
        "Lý Thường Kiệt",
        "Quang Trung",
        "Nguyễn Huệ",
        "Phan Chu Trinh",
        "Điện Biên Phủ",
        "Lê Duẩn",
        "Hoàng Diệu",
        "Nguyễn Du",
        "Bà Triệu",
        "Lạc Long Quân",
        "Âu Cơ",
        "Võ Thị Sáu",
        "Nguyễn Văn Cừ",
        "Trường Chinh",
        "Giải Phóng",
        "Kim Mã",
        "Cầu Giấy",
        "Xuân Thủy",
        "Láng",
        "Chùa Bộc",
        "Tây Sơn",
        "Hoàng Quốc Việt",
        "Phạm Văn Đồng",
        "Nguyễn Chí Thanh",
        "Đội Cấn",
        "Tôn Đức Thắng"
    };
    private static final String[] WARDS = {
        "Hàng Bạc",
        "Hàng Trống",
        "Cửa Nam",
        "Tràng Tiền",
        "Dịch Vọng",
        "Nghĩa Đô",
        "Yên Hòa",
        "Trung Hòa",
        "Láng Hạ",
        "Kim Liên",
        "Phương Mai",
        "Thịnh Quang",
        "Quảng An",
        "Bưởi",
        "Ngọc Hà",
        "Liễu Giai",
        "Phúc Xá",
        "Bồ Đề",
        "Thượng Đình",
        "Khương Trung"
    };
    private static final String[] DISTRICTS = {
        "Hoàn Kiếm", "Ba Đình", "Đống Đa", "Cầu Giấy", "Hai Bà Trưng", "Thanh Xuân", "Tây Hồ", "Long Biên"
    };
    private static final String[] MOBILE_PREFIXES = {
        "090", "091", "093", "094", "096", "097", "098", "086", "032", "033", "034", "035", "036", "037", "038", "039",
        "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "088"
    };

    private final Random random;
    private final double familyTotal;

    VietnameseSamples(long seed) {
        this.random = new Random(seed);
        double total = 0;
        for (double share : FAMILY_SHARE) {
            total += share;
        }
        this.familyTotal = total;
    }

    Person person() {
        boolean female = random.nextBoolean();
        String name = family() + " " + pick(female ? MIDDLE_FEMALE : MIDDLE_MALE) + " "
                + pick(female ? GIVEN_FEMALE : GIVEN_MALE);
        int birthYear = 1945 + random.nextInt(62);
        String identity = "%03d%d%02d%06d"
                .formatted(
                        1 + random.nextInt(96),
                        (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0),
                        birthYear % 100,
                        random.nextInt(1_000_000));
        String phone = pick(MOBILE_PREFIXES) + "%07d".formatted(random.nextInt(10_000_000));
        String number = random.nextInt(4) == 0
                ? (1 + random.nextInt(300)) + "/" + (1 + random.nextInt(40))
                : Integer.toString(1 + random.nextInt(300));
        String address = "Số " + number + " " + (random.nextBoolean() ? "đường " : "phố ") + pick(STREETS) + ", phường "
                + pick(WARDS) + ", quận " + pick(DISTRICTS) + ", Hà Nội";
        return new Person(name, identity, phone, address);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    private String family() {
        double r = random.nextDouble() * familyTotal;
        for (int i = 0; i < FAMILY.length; i++) {
            r -= FAMILY_SHARE[i];
            if (r < 0) {
                return FAMILY[i];
            }
        }
        return FAMILY[0];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    record Person(String name, String identityNumber, String phone, String address) {}
}
