package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExplainTextsTest {
    private final ExplainTexts texts = new ExplainTexts();

    @ParameterizedTest
    @ValueSource(strings = {"vxlan", "vrrp", "arp", "eth", "ip", "udp", "tcp", "icmp", "frame", "http"})
    void everyExplainedProtocolHasAText(String protocol) {
        assertThat(texts.template(protocol)).isNotBlank();
    }

    @Test
    void vxlanTextQuotesTheVniInDecimalAndAsOvsPrintsIt() {
        String t = texts.render("vxlan", Map.of("vxlan.vni", "320"));
        assertThat(t).contains("320 (0x140)").contains("tun_id=0x140").contains("1450").contains("50 bytes")
                .contains("4789").contains("8472");
    }

    @Test
    void vrrpTextQuotesPriorityAndVrid() {
        String t = texts.render("vrrp", Map.of("vrrp.prio", "150", "vrrp.virt_rtr_id", "51", "vrrp.adver_int", "1"));
        assertThat(t).contains("priority 150").contains("virtual router ID 51").contains("(0x33)");
    }

    @Test
    void missingFieldReadsAsQuestionMarkAndUnknownProtocolHasNoText() {
        assertThat(texts.render("vxlan", Map.of())).contains("The VNI here is ? (?)");
        assertThat(texts.render("nosuchproto", Map.of())).isNull();
        assertThat(texts.template("../ui/tunnellens")).isNull();
    }
}
