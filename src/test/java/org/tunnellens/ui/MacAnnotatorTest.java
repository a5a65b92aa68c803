package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MacAnnotatorTest {
    private final MacAnnotator annotator = new MacAnnotator(MacVendors.bundled());

    @Test
    void neutronPortAndDvrPrefixes() {
        assertThat(annotator.annotate(0xfa163e123456L).display()).isEqualTo("Neutron_12:34:56");
        assertThat(annotator.annotate(0xfa163e123456L).explanation()).contains("Neutron").contains("port");
        assertThat(annotator.annotate(0xfa163f000001L).display()).isEqualTo("NeutronDVR_00:00:01");
        assertThat(annotator.annotate(0xfa163f000001L).explanation()).contains("DVR");
    }

    @Test
    void openNebulaMacDecodesTheIpAddress() {
        MacAnnotation a = annotator.annotate(0x02000a00000bL);
        assertThat(a.display()).isEqualTo("OpenNebula_10.0.0.11");
        assertThat(a.explanation()).contains("10.0.0.11");
    }

    @Test
    void vrrpVirtualMacNamesItsVrid() {
        MacAnnotation a = annotator.annotate(0x00005e000133L);
        assertThat(a.display()).isEqualTo("VRRP_VRID_51");
        assertThat(a.explanation()).contains("VRID 51");
    }

    @Test
    void qemuPrefixWinsOverTheRegistryOwner() {
        // the registry gives 52:54:00 to nobody useful; a student needs to read "KVM guest"
        assertThat(annotator.annotate(0x525400abcdefL).display()).isEqualTo("QEMU_ab:cd:ef");
        assertThat(annotator.annotate(0x525400abcdefL).explanation()).contains("KVM");
    }

    @Test
    void registeredVendorAndPlainAddresses() {
        assertThat(annotator.annotate(0x080027c47e22L)).isEqualTo(new MacAnnotation("PcsCompu_c4:7e:22", null));
        assertThat(annotator.annotate(0xffffffffffffL).display()).isEqualTo("Broadcast");
        assertThat(annotator.annotate(0L).display()).isEqualTo("00:00:00:00:00:00");
        assertThat(annotator.annotate(0x0e0000000001L).display()).isEqualTo("0e:00:00:00:00:01");
        assertThat(annotator.annotate(0x0e0000000001L).explanation()).contains("Locally administered");
        assertThat(annotator.annotate(0x01005e000012L).explanation()).contains("multicast");
    }
}
