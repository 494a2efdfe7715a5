package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/asterisk opens the AMI to servers on other machines only as told: HOTLINE_AMI_BIND an IPv4
 * address, HOTLINE_AMI_PERMIT addresses or networks — anything else stops the script before it
 * reaches Asterisk's manager.conf. Checked with {@code status}, which reads the settings and starts nothing.
 */
class AmiAccessScriptTest {

    @TempDir
    Path dir;

    @Test
    void anAmiAddressThatIsNotAnIpv4AddressStopsTheScript() throws Exception {
        for (String bad : List.of("localhost", "0.0.0.0 ", "10.0.0.256", "10.0.0.1\npermit=0.0.0.0/0")) {
            BinAsteriskStatus.Result result = status(Map.of("HOTLINE_AMI_BIND", bad));
            assertThat(result.exit()).as(bad).isEqualTo(1);
            assertThat(result.errors()).as(bad).contains("HOTLINE_AMI_BIND must be an IPv4 address");
        }
    }

    @Test
    void permittedServersMustBeAddressesOrNetworks() throws Exception {
        for (String bad : List.of("10.0.0.0/33", "10.0.0.1;x", "300.0.0.1", "10.0.0.1\npermit = 0.0.0.0/0", "any")) {
            BinAsteriskStatus.Result result = status(Map.of("HOTLINE_AMI_PERMIT", bad));
            assertThat(result.exit()).as(bad).isEqualTo(1);
            assertThat(result.errors()).as(bad).contains("HOTLINE_AMI_PERMIT must be IPv4 addresses or networks");
        }
    }

    @Test
    void serversOnOtherMachinesAreGivenByAddressOrNetwork() throws Exception {
        BinAsteriskStatus.Result result = status(Map.of("HOTLINE_AMI_BIND", "0.0.0.0", "HOTLINE_AMI_PERMIT", "127.0.0.1,10.0.0.11,10.0.1.0/24"));

        assertThat(result.errors()).doesNotContain("HOTLINE_AMI");
    }

    private BinAsteriskStatus.Result status(Map<String, String> settings) throws IOException, InterruptedException {
        return BinAsteriskStatus.of(dir, new HashMap<>(settings));
    }
}
