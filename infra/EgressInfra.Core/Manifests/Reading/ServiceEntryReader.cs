using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Manifests.Reading;

/// <summary>
/// Reads one YAML document into a <see cref="ServiceEntry"/>, strictly, as the API server would admit it
/// with server-side field validation. Values are kept as written (protocol, resolution and location are
/// strings; omitted values are null or empty) so that Istio's own rules can then judge them exactly.
/// </summary>
public static class ServiceEntryReader
{
    /// <summary>The longest endpoint port name the CRD accepts (its rule is <c>size(key) &lt; 63</c>).</summary>
    public const int MaxEndpointPortNameLength = 62;

    /// <param name="root">The document's root mapping, with apiVersion and kind already resolved.</param>
    /// <param name="apiVersion">The apiVersion as written, kept on the record.</param>
    public static ReadResult<ServiceEntry> Read(MappingNode root, string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(root);
        var checker = new SchemaChecker();
        checker.Check(root, ServiceEntrySchema.Document, string.Empty);
        MetadataReader.Check(checker, root);
        var spec = root["spec"] as MappingNode;
        if (spec is not null)
        {
            CheckCrdOnlyRules(checker, spec);
        }

        if (checker.IsUndecodable)
        {
            return new ReadResult<ServiceEntry>(null, checker.Diagnostics);
        }

        var entry = new ServiceEntry(MetadataReader.Read(root), ReadSpec(spec), apiVersion);
        return new ReadResult<ServiceEntry>(entry, checker.Diagnostics);
    }

    private static ServiceEntrySpec ReadSpec(MappingNode? spec) => new(
        TreeValues.Strings(spec?["hosts"]),
        TreeValues.Strings(spec?["addresses"]),
        TreeValues.Items(spec?["ports"]).Select(ReadPort).ToValueList(),
        TreeValues.String(spec?["location"]),
        TreeValues.String(spec?["resolution"]),
        TreeValues.Items(spec?["endpoints"]).Select(ReadEndpoint).ToValueList(),
        TreeValues.IsPresent(spec?["workloadSelector"]) ? new WorkloadSelector(TreeValues.StringMap(TreeValues.Mapping(spec, "workloadSelector")?["labels"])) : null,
        TreeValues.Strings(spec?["exportTo"]),
        TreeValues.Strings(spec?["subjectAltNames"]));

    // Istio decodes an omitted port number as 0, and its rules then report that; the record does the same.
    private static ServicePort ReadPort(ConfigNode node)
    {
        var port = (MappingNode)node;
        return new ServicePort(
            TreeValues.Integer(port["number"]) ?? 0,
            TreeValues.String(port["protocol"]),
            TreeValues.String(port["name"]),
            TreeValues.Integer(port["targetPort"]));
    }

    private static WorkloadEntry ReadEndpoint(ConfigNode node)
    {
        var endpoint = (MappingNode)node;
        return new WorkloadEntry(
            TreeValues.String(endpoint["address"]),
            TreeValues.IntegerMap(endpoint["ports"]),
            TreeValues.StringMap(endpoint["labels"]),
            TreeValues.String(endpoint["network"]),
            TreeValues.String(endpoint["locality"]),
            TreeValues.Integer(endpoint["weight"]),
            TreeValues.String(endpoint["serviceAccount"]));
    }

    /// <summary>
    /// The CRD's validation rules where they are stricter than Istio's webhook (section 3 of the rules
    /// notes). Rules both share are left to the Istio validator so that each problem is reported once.
    /// </summary>
    private static void CheckCrdOnlyRules(SchemaChecker checker, MappingNode spec)
    {
        var ports = TreeValues.Items(spec["ports"]);
        for (var i = 0; i < ports.Count; i++)
        {
            if ((ports[i] as MappingNode)?["targetPort"] is ScalarNode target && TreeValues.Integer(target) == 0)
            {
                checker.Report(ManifestCodes.CrdRule.Create(
                    ConfigPath.Child(ConfigPath.Index("spec.ports", i), "targetPort"),
                    "targetPort 0 is rejected by the CRD (port must be between 1-65535), although Istio reads 0 as unset",
                    "Remove targetPort to leave it unset."), target);
            }
        }

        // has(self.endpoints) is true for an empty list: the CEL rules see an endpoints field that the
        // webhook (which decodes [] as unset) never does.
        if (spec["endpoints"] is SequenceNode { Items.Count: 0 } endpoints)
        {
            var resolution = spec["resolution"] is ScalarNode { Kind: ScalarKind.String } r ? r.Text : "NONE";
            if (resolution == "NONE")
            {
                checker.Report(ManifestCodes.CrdRule.Create("spec.endpoints", "NONE mode cannot set endpoints: the CRD rejects the field even as an empty list", "Remove the empty endpoints list."), endpoints);
            }

            if (TreeValues.IsPresent(spec["workloadSelector"]))
            {
                checker.Report(ManifestCodes.CrdRule.Create("spec.endpoints", "only one of workloadSelector or endpoints can be set: the CRD counts an empty endpoints list as set", "Remove the empty endpoints list."), endpoints);
            }
        }

        var items = TreeValues.Items(spec["endpoints"]);
        for (var i = 0; i < items.Count; i++)
        {
            if ((items[i] as MappingNode)?["ports"] is not MappingNode endpointPorts)
            {
                continue;
            }

            foreach (var key in endpointPorts.Entries.Select(e => e.Key).Where(k => k.Text.Length == MaxEndpointPortNameLength + 1))
            {
                // Longer names, and names that are not DNS labels, are errors for Istio too.
                checker.Report(ManifestCodes.CrdRule.Create(
                    ConfigPath.Child(ConfigPath.Child(ConfigPath.Index("spec.endpoints", i), "ports"), key.Text),
                    $"the endpoint port name '{key.Text}' has 63 characters; the CRD allows at most {MaxEndpointPortNameLength} (Istio's webhook allows 63)",
                    "Shorten the port name here and in spec.ports."), key);
            }
        }
    }
}
