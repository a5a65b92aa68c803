package org.tunnellens.ui;

/**
 * What a MAC address says to a student: the name to show in place of the raw address and, for the prefixes
 * cloud platforms hand out, why that prefix is there.
 *
 * @param display     the name shown in the tree and columns ({@code PcsCompu_c4:7e:22}, {@code Neutron_ab:cd:ef})
 * @param explanation a plain sentence for the tooltip, or null when the address is unremarkable
 */
public record MacAnnotation(String display, String explanation) {
}
