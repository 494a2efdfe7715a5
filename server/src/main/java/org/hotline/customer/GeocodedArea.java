package org.hotline.customer;

import java.util.Arrays;
import java.util.List;

/**
 * The places a geocoder description names. One area code may cover several cities of a province,
 * written {@code 四川省成都市、资阳市、眉山市}: the first place in full, the others by city only.
 * A trailing 市 is dropped from each name, as the data writes some cities with it and some
 * without (天津市, 天津).
 *
 * @param first  the first place, in full (province and city)
 * @param others the other cities, without their province
 */
record GeocodedArea(String first, List<String> others) {

    static GeocodedArea of(String description) {
        List<String> parts = Arrays.stream(description.split("、")).map(String::strip).map(GeocodedArea::withoutShi).toList();
        return new GeocodedArea(parts.getFirst(), parts.subList(1, parts.size()));
    }

    /** Whether {@code place}, as the geocoder names a mobile's home (province and city), is in this area. */
    boolean covers(String place) {
        String name = withoutShi(place.strip());
        if (name.equals(first)) {
            return true;
        }
        for (String city : others) {
            if (name.endsWith(city)) {
                String province = name.substring(0, name.length() - city.length());
                if (!province.isEmpty() && first.startsWith(province)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String withoutShi(String name) {
        return name.length() > 1 && name.endsWith("市") ? name.substring(0, name.length() - 1) : name;
    }
}
