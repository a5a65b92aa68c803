package org.tunnellens.ui;

import org.tunnellens.dissect.column.FieldFormatter;

/**
 * Names a MAC the way a cloud-networking student needs it: the prefixes OpenStack, OpenNebula, VRRP and QEMU give
 * out are recognised before the IEEE registry is asked, because for those the registry owner says nothing useful
 * (52:54:00 is registered to Realtek, yet every KVM guest uses it).
 */
public final class MacAnnotator {
    private final MacVendors vendors;

    public MacAnnotator(MacVendors vendors) {
        this.vendors = vendors;
    }

    public MacAnnotation annotate(long mac) {
        String plain = FieldFormatter.mac(mac);
        String tail = plain.substring(9);
        int oui = (int) ((mac >>> 24) & 0xffffff);
        if (mac == 0xffff_ffff_ffffL) {
            return new MacAnnotation("Broadcast", "All ones: every station on the segment receives this frame.");
        }
        if (mac == 0) {
            // the registry gives 00:00:00 to Xerox, but an all-zero MAC is a placeholder, not a Xerox card
            return new MacAnnotation(plain, "All zeros: not an address but a blank, as in an ARP request's target "
                    + "MAC, which is what the request asks for.");
        }
        if ((mac >>> 8) == 0x00005e0001L) {
            int vrid = (int) (mac & 0xff);
            return new MacAnnotation("VRRP_VRID_" + vrid, "VRRP virtual router MAC 00:00:5e:00:01:<VRID>: "
                    + "whichever router is master for VRID " + vrid + " answers for it, so hosts never re-learn the "
                    + "gateway's MAC after a failover.");
        }
        if ((mac >>> 8) == 0x00005e0002L) {
            return new MacAnnotation("VRRPv6_VRID_" + (mac & 0xff), "VRRP (IPv6) virtual router MAC 00:00:5e:00:02:<VRID>.");
        }
        if (oui == 0xfa163e) {
            return new MacAnnotation("Neutron_" + tail, "fa:16:3e is OpenStack Neutron's default base MAC: "
                    + "Neutron gave this address to a port (a VM's NIC or a router interface).");
        }
        if (oui == 0xfa163f) {
            return new MacAnnotation("NeutronDVR_" + tail, "fa:16:3f is Neutron's DVR base MAC: a distributed "
                    + "virtual router uses it as the compute host's own MAC when it routes between networks.");
        }
        if (((mac >>> 32) & 0xffff) == 0x0200) {
            String ip = FieldFormatter.ipv4(mac & 0xffff_ffffL);
            return new MacAnnotation("OpenNebula_" + ip, "02:00:<IPv4> is OpenNebula's scheme: the last four bytes "
                    + "are the VM's IP address, here " + ip + ". The 02 marks a locally administered address.");
        }
        if (oui == 0x525400) {
            return new MacAnnotation("QEMU_" + tail, "52:54:00 is the prefix QEMU/KVM (libvirt) gives virtual NICs: "
                    + "this is a KVM guest.");
        }
        String vendor = vendors.shortName(mac);
        if (vendor != null) {
            return new MacAnnotation(vendor + "_" + tail, null);
        }
        if ((mac & 0x0100_0000_0000L) != 0) {
            return new MacAnnotation(plain, "Group (multicast) address: the lowest bit of the first byte is set.");
        }
        if ((mac & 0x0200_0000_0000L) != 0) {
            return new MacAnnotation(plain, "Locally administered (second-lowest bit of the first byte set): made "
                    + "up by software such as a hypervisor, a bridge or a container runtime, not burnt in by a vendor.");
        }
        return new MacAnnotation(plain, null);
    }
}
