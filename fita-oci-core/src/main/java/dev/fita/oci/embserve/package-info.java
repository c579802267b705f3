/**
 * The embServe artifact: validation of a {@code service.json} and the OCI manifest, config and
 * layer that FITA's far-edge kubelet pulls for the zephyr platform.
 */
package dev.fita.oci.embserve;
