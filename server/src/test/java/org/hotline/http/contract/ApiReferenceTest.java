package org.hotline.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/api-reference.md is the contract's own: it fails while the committed file differs from what the
 * contract says, and writes it again with {@code -Dhotline.apiReference=write}.
 */
class ApiReferenceTest {

    private static final Path REFERENCE = Path.of(System.getProperty("hotline.home", ".."), "docs", "api-reference.md");

    @Test
    void theCommittedReferenceSaysWhatTheContractSays() throws IOException {
        String written = ApiReference.standard();
        if ("write".equals(System.getProperty("hotline.apiReference"))) {
            Files.writeString(REFERENCE, written, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(REFERENCE)).as(REFERENCE + " exists").isTrue();
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
                .as("docs/api-reference.md is stale: write it again with "
                        + "mvn -pl server test -Dtest=ApiReferenceTest -Dhotline.apiReference=write")
                .isEqualTo(written);
    }

    @Test
    void everyOperationHasItsSectionWithWhoMayCallIt() throws IOException {
        String written = ApiReference.standard();
        assertThat(written).contains("\n### GET /api/calls/{id}\n", "\n### POST /api/campaigns/{id}/start\n",
                "\n### DELETE /api/customers/{number}\n", "- Permission: `administer`, audited as `customer.deleted`");
        long operations = written.lines().filter(line -> line.startsWith("### ")).count();
        long permissions = written.lines().filter(line -> line.startsWith("- Permission: `")).count();
        long inContract;
        try (var in = ApiReferenceTest.class.getClassLoader().getResourceAsStream(ContractCheck.CONTRACT)) {
            inContract = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("      operationId: ")).count();
        }
        assertThat(operations).isEqualTo(inContract).isEqualTo(permissions);
    }
}
