package org.tunnellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MacVendorsTest {
    private final MacVendors vendors = MacVendors.bundled();

    @Test
    void bundledTableHoldsTheWholeRegistry() {
        assertThat(vendors.size()).isGreaterThan(30_000);
    }

    @Test
    void namesAddressesAsWiresharkDoes() {
        assertThat(vendors.resolve(0x080027c47e22L)).isEqualTo("PcsCompu_c4:7e:22");
        assertThat(vendors.resolve(0x000c29123456L)).isEqualTo("VMware_12:34:56");
        assertThat(vendors.resolve(0x3cfdfe000001L)).isEqualTo("IntelCor_00:00:01");
        assertThat(vendors.shortName(0x00000c000000L)).isEqualTo("Cisco");
    }

    @Test
    void unregisteredPrefixStaysRaw() {
        // 02:... is locally administered: no vendor ever registers it
        assertThat(vendors.shortName(0x02abcdef0001L)).isNull();
        assertThat(vendors.resolve(0x02abcdef0001L)).isEqualTo("02:ab:cd:ef:00:01");
    }
}
