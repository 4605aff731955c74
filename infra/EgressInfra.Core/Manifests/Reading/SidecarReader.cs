using EgressInfra.Core.Collections;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// Reads one YAML document into a <see cref="Sidecar"/>, strictly, as the API server would admit it.
/// The record models what EgressInfra writes (one egress listener and the outbound policy), so the
/// hosts of every egress listener are gathered into it and the other parts are checked but not kept.
/// </summary>
public static class SidecarReader
{
    public static ReadResult<Sidecar> Read(MappingNode root, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(root);
        var checker = new SchemaChecker();
        checker.Check(root, SidecarSchema.Document, string.Empty);
        MetadataReader.Check(checker, root);
        if (checker.IsUndecodable)
        {
            return new ReadResult<Sidecar>(null, checker.Diagnostics);
        }

        var spec = root["spec"] as MappingNode;
        var hosts = TreeValues.Items(spec?["egress"])
            .SelectMany(listener => TreeValues.Strings((listener as MappingNode)?["hosts"]))
            .ToValueList();

        // Empty when the Sidecar leaves the policy to the mesh config.
        var mode = TreeValues.String(TreeValues.Mapping(spec, "outboundTrafficPolicy")?["mode"]) ?? string.Empty;
        var sidecar = new Sidecar(MetadataReader.Read(root), new SidecarSpec(hosts, mode), apiVersion);
        return new ReadResult<Sidecar>(sidecar, checker.Diagnostics);
    }
}
