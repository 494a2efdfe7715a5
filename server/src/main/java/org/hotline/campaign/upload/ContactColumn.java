package org.hotline.campaign.upload;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The columns an upload reads, and the names a header may give them, in English and Chinese. */
enum ContactColumn {

    PHONE(true, 0, "phone", "phonenumber", "mobile", "mobilephone", "tel", "telephone", "number",
            "电话", "手机", "号码", "电话号码", "手机号", "手机号码", "联系电话"),
    NAME(true, 100, "name", "customer", "customername", "姓名", "名字", "客户", "客户姓名", "客户名称"),
    SUBJECT(false, 200, "subject", "topic", "reason", "事由", "主题", "来电事由", "问题"),
    DATE(false, 0, "date", "originaldate", "contactdate", "calldate", "日期", "来电日期", "原来电日期"),
    REFERENCE(false, 64, "reference", "ref", "customerreference", "customerref", "customerid", "客户编号", "编号", "客户号"),
    NOTE(false, 1000, "note", "notes", "remark", "remarks", "comment", "备注", "说明");

    /** What a header cell loses before it is compared: case, spaces, underscores, hyphens and dots. */
    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-.\\u3000]");

    private final boolean required;
    private final int maxLength;
    private final List<String> names;

    ContactColumn(boolean required, int maxLength, String... names) {
        this.required = required;
        this.maxLength = maxLength;
        this.names = List.of(names);
    }

    boolean required() {
        return required;
    }

    /** The longest text the column takes, in characters; 0 for the number and the date, which are checked by form. */
    int maxLength() {
        return maxLength;
    }

    /** The column's English name, e.g. "phone". */
    String shown() {
        return names.getFirst();
    }

    /** The names to show a supervisor, e.g. "phone/电话/手机". */
    String shownNames() {
        return names.getFirst() + "/" + names.stream().filter(name -> name.codePoints().anyMatch(cp -> cp > 0x7f)).limit(2)
                .reduce((a, b) -> a + "/" + b).orElse("");
    }

    /** The column a header cell names, if any. */
    static Optional<ContactColumn> named(String headerCell) {
        String key = IGNORED.matcher(headerCell.toLowerCase(Locale.ROOT)).replaceAll("");
        for (ContactColumn column : values()) {
            if (column.names.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
