namespace EgressInfra.Core.Diff;

/// <summary>
/// The semantic egress difference between two versions of a stack (or two stacks): what a reviewer
/// needs to see, without the noise of reordered lists or reformatted YAML.
/// </summary>
/// <param name="Stack">Stack-wide settings: environment, profile, outbound policy, namespaces, Sidecar imports,
/// <c>policy.rules</c> levels, <c>policy.maxIpv4Prefix</c>/<c>maxIpv6Prefix</c> and <c>probe.*</c>.</param>
/// <param name="Notes">Caveats about the inputs, e.g. a version that has errors.</param>
public sealed record EgressDiff(
    string OldName,
    string NewName,
    IReadOnlyList<FieldChange> Stack,
    IReadOnlyList<NamespaceChange> Destinations,
    IReadOnlyList<ServiceSnapshot> ServicesAdded,
    IReadOnlyList<ServiceSnapshot> ServicesRemoved,
    IReadOnlyList<ServiceChange> ServicesChanged,
    IReadOnlyList<string> WaiversAdded,
    IReadOnlyList<string> WaiversRemoved,
    IReadOnlyList<string> Notes)
{
    public bool IsEmpty =>
        Stack.Count == 0 && Destinations.Count == 0 && ServicesAdded.Count == 0 && ServicesRemoved.Count == 0
        && ServicesChanged.Count == 0 && WaiversAdded.Count == 0 && WaiversRemoved.Count == 0;
}
