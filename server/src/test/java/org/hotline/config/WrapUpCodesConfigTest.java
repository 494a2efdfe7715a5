package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.routing.WrapUpCode;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each queue's wrap-up codes are read from queues.&lt;queue&gt;.wrapUpCodes; a bad list stops start-up naming the key. */
class WrapUpCodesConfigTest {

    @TempDir
    Path home;

    @BeforeEach
    void aSecretLikeBinAsteriskWritesIt() throws IOException {
        Files.createDirectories(home.resolve("var/secrets"));
        Files.writeString(home.resolve("var/secrets/ami.secret"), "0123456789abcdef0123456789abcdef\n");
    }

    private HotlineConfig load(String yaml) throws IOException {
        Path file = home.resolve("hotline.yaml");
        Files.writeString(file, "company:\n  name: X\n" + yaml);
        return ConfigLoader.load(file, Map.of(), home);
    }

    @Test
    void eachQueueHasItsListInFileOrderAndNoListMeansNoCodes() throws IOException {
        HotlineConfig config = load("""
                queues:
                  orders:
                    wrapUpCodes:
                      - {id: resolved, zh: 已解决, en: Resolved}
                      - {id: order-changed, zh: 订单已修改, en: Order changed}
                """);

        assertThat(config.routing().wrapUpCodes().of(new Skill("orders"))).containsExactly(
                new WrapUpCode("resolved", "已解决", "Resolved"), new WrapUpCode("order-changed", "订单已修改", "Order changed"));
        assertThat(config.routing().wrapUpCodes().of(new Skill("complaints"))).isEmpty();
        assertThat(config.routing().wrapUpCodeRule().afterWrapUp()).isEqualTo(Duration.ofMinutes(2));
        assertThat(load("routing:\n  wrapUpCodeAfterSeconds: 30\n").routing().wrapUpCodeRule().afterWrapUp())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theShippedListsGiveEveryQueueItsCodes() {
        Path projectHome = Path.of(System.getProperty("hotline.home", ".."));
        HotlineConfig config = ConfigLoader.load(projectHome.resolve("config/hotline.yaml"),
                Map.of("HOTLINE_AMI_SECRET", "0123456789abcdef"), projectHome);

        config.queues().forEach(queue -> assertThat(config.routing().wrapUpCodes().of(queue)).as(queue.name()).isNotEmpty());
    }

    @Test
    void aBadListStopsStartUpNamingTheQueue() {
        assertThatThrownBy(() -> load("queues:\n  orders:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决, en: Resolved}\n"
                + "      - {id: resolved, zh: 好, en: Done}\n"))
                .hasMessage("queues.orders.wrapUpCodes: resolved is listed twice");
        assertThatThrownBy(() -> load("queues:\n  orders:\n    wrapUpCodes:\n      - {id: \"a b\", zh: 已解决, en: Resolved}\n"))
                .hasMessageStartingWith("queues.orders.wrapUpCodes: not a wrap-up code");
        assertThatThrownBy(() -> load("queues:\n  orders:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决}\n"))
                .hasMessageContaining("the en label is missing");
        assertThatThrownBy(() -> load("queues:\n  orders:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决, en: R, label: x}\n"))
                .hasMessageContaining("label");
        assertThatThrownBy(() -> load("queues:\n  billing:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决, en: Resolved}\n"))
                .hasMessageStartingWith("queues.billing: not a queue of ivr.menu");
        assertThatThrownBy(() -> load("queues:\n  orders:\n    wrapupCodes: []\n"))
                .hasMessageStartingWith("queues.orders.wrapupCodes: unknown setting");
    }
}
