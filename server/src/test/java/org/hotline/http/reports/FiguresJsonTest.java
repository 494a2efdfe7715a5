package org.hotline.http.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotline.report.Figure;
import org.hotline.report.Figures;
import org.hotline.report.Measure;
import org.hotline.report.Ratio;
import org.hotline.report.Tally;
import org.junit.jupiter.api.Test;

/** The API's figures are the catalogue's: the same ids, each with the value its definition gives. */
class FiguresJsonTest {

    @Test
    void everyFigureInTheCatalogueIsInTheJsonAndEveryFigureInTheJsonIsInTheCatalogue() {
        Set<String> catalogue = new TreeSet<>();
        for (Figure figure : Figure.values()) {
            catalogue.add(figure.id());
        }
        assertThat(ids("", FiguresJson.of(Figures.of(Tally.ZERO), new Ratio(1, 2)))).isEqualTo(catalogue);
        assertThat(ids("", FiguresJson.of(Figures.of(Tally.ZERO)))).as("no case file: the figure is there, as null")
                .isEqualTo(catalogue);
    }

    @Test
    void eachIdCarriesTheValueItsOwnDefinitionGives() {
        // measures rising with their order, then falling: every share has its part below its whole in one of them
        for (boolean rising : new boolean[] {true, false}) {
            Map<Measure, Long> values = new EnumMap<>(Measure.class);
            for (Measure measure : Measure.values()) {
                long rank = rising ? measure.ordinal() + 1 : Measure.values().length - measure.ordinal();
                values.put(measure, rank * 1_000 + 7);
            }
            Tally tally = Tally.of(values);
            JsonObject json = FiguresJson.of(Figures.of(tally));
            for (Figure figure : Figure.values()) {
                if (!figure.formula().numerator().fromTally()) {
                    continue;
                }
                Object value = at(json, figure.id());
                switch (figure.formula().shape()) {
                    case SHARE -> assertThat(value).as(figure.id()).isEqualTo(FiguresJson.ratio(figure.ratio(tally)));
                    case TOTAL -> assertThat(value).as(figure.id()).isEqualTo(figure.unit() == Figure.Unit.SECONDS
                            ? (Object) (figure.count(tally) / 1000.0) : (Object) figure.count(tally));
                    case MEAN -> assertThat(value).as(figure.id()).isEqualTo(figure.unit() == Figure.Unit.SECONDS
                            ? figure.duration(tally).orElseThrow().toMillis() / 1000.0 : figure.average(tally).getAsDouble());
                    case SPREAD -> assertThat(((io.vertx.core.json.JsonArray) value).getList()).as(figure.id())
                            .isEqualTo(figure.counts(tally));
                }
            }
        }
    }

    /** The figures' ids in a figures object: a share ({part, whole, value}) or any non-object is one figure. */
    private static Set<String> ids(String prefix, JsonObject json) {
        Set<String> ids = new TreeSet<>();
        for (String key : json.fieldNames()) {
            Object value = json.getValue(key);
            if (value instanceof JsonObject nested && !nested.fieldNames().equals(Set.of("part", "whole", "value"))) {
                ids.addAll(ids(prefix + key + ".", nested));
            } else {
                ids.add(prefix + key);
            }
        }
        return ids;
    }

    private static Object at(JsonObject json, String id) {
        Object at = json;
        for (String key : id.split("\\.")) {
            at = ((JsonObject) at).getValue(key);
        }
        return at;
    }
}
