package org.hotline.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A campaign's contact list as supervisors export it from a spreadsheet: mostly mobiles, a fifth
 * fixed lines in several cities (some without their area code, some with +86 or spaces), Chinese
 * names, a subject, the original date in the forms spreadsheets write, a reference and now and
 * then a note with commas, quotes or a line break; about 3% bad numbers (too short, letters, a
 * spreadsheet's 1.38E+10) and 2% numbers written again further down. Seeded, so runs compare.
 */
final class ContactListGenerator {

    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
            "152", "153", "155", "156", "157", "158", "159", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
            "188", "189", "198", "199"};
    private static final String[] AREAS = {"10", "21", "20", "755", "28", "571"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
            "何", "高", "林", "罗", "欧阳", "司马", "龚", "鑫"};
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥玲芬燕彬鑫垚淼";
    private static final String[] SUBJECTS = {"退货进度", "投诉回访", "满意度回访", "维修预约", "发票问题", "配送延误", "产品缺陷通知", "账户变更"};
    private static final String[] NOTES = {"喜欢上午来电", "已道歉，待回复", "说话请慢一些", "上次通话\"不满意\"", "周末不方便\n工作日晚上可以",
            "老客户", "-请勿提及价格"};

    private final SplittableRandom random;

    ContactListGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param chineseHeader 电话,姓名,… rather than phone,name,…
     * @param bom           starts with the UTF-8 byte-order mark (Excel's "CSV UTF-8")
     */
    byte[] file(int rows, Charset charset, boolean chineseHeader, boolean bom) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows * 80);
        if (bom) {
            bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        List<String> written = new ArrayList<>();
        try (Writer out = new OutputStreamWriter(bytes, charset);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(chineseHeader
                    ? List.of("电话", "姓名", "事由", "日期", "客户编号", "备注")
                    : List.of("phone", "name", "subject", "date", "reference", "note"));
            LocalDate today = LocalDate.of(2026, 11, 22);
            for (int i = 0; i < rows; i++) {
                String number = number(i, written);
                written.add(number);
                LocalDate date = today.minusDays(random.nextInt(60));
                csv.printRecord(number, name(), SUBJECTS[random.nextInt(SUBJECTS.length)], date(date),
                        "C-" + (100_000 + i), random.nextInt(4) == 0 ? NOTES[random.nextInt(NOTES.length)] : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private String number(int i, List<String> written) {
        int kind = random.nextInt(100);
        if (kind < 2 && i > 0) {
            return written.get(random.nextInt(written.size())); // the same contact again
        }
        if (kind < 5) {
            return switch (random.nextInt(3)) {
                case 0 -> "1380013" + random.nextInt(100); // too short
                case 1 -> "1.38001E+10";
                default -> "无";
            };
        }
        if (kind < 80) {
            String mobile = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + digits(8);
            return switch (random.nextInt(4)) {
                case 0 -> "+86 " + mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
                case 1 -> mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
                default -> mobile;
            };
        }
        String area = AREAS[random.nextInt(AREAS.length)];
        String local = (2 + random.nextInt(7)) + digits(7);
        return switch (random.nextInt(4)) {
            case 0 -> area.equals("10") ? local.substring(0, 4) + " " + local.substring(4) : "0" + area + local; // Beijing's own, no area code
            case 1 -> "(0" + area + ") " + local.substring(0, 4) + "-" + local.substring(4);
            case 2 -> "+86 " + area + " " + local;
            default -> "0" + area + "-" + local;
        };
    }

    private String name() {
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        int length = 1 + random.nextInt(2);
        StringBuilder name = new StringBuilder(surname);
        for (int i = 0; i < length; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private String date(LocalDate date) {
        return switch (random.nextInt(3)) {
            case 0 -> date.toString();
            case 1 -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
            default -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        };
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
