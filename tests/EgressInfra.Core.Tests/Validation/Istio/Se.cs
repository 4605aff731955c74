using EgressInfra.Core.Collections;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Manifests;
using EgressInfra.Core.Validation.Istio;

namespace EgressInfra.Core.Tests.Validation.Istio;

/// <summary>
/// Builds ServiceEntries for rule tests: every argument left out takes a value that passes all rules
/// (one exact host, one TLS port, DNS resolution, exported to "."), so each test shows only what it is about.
/// </summary>
internal static class Se
{
    public const string Namespace = "payments";

    public static ServiceEntry Make(
        string[]? hosts = null,
        string[]? addresses = null,
        ServicePort[]? ports = null,
        string? resolution = "DNS",
        string? location = null,
        WorkloadEntry[]? endpoints = null,
        WorkloadSelector? selector = null,
        string[]? exportTo = null,
        (string Key, string Value)[]? labels = null,
        (string Key, string Value)[]? annotations = null,
        string? ns = Namespace) =>
        new(
            new ObjectMetadata("api", ns, ValueMap.Of(labels ?? []), ValueMap.Of(annotations ?? [])),
            new ServiceEntrySpec(
                ValueList.Of(hosts ?? ["api.example.com"]),
                ValueList.Of(addresses ?? []),
                ValueList.Of(ports ?? [Port(443, "TLS")]),
                location,
                resolution,
                ValueList.Of(endpoints ?? []),
                selector,
                ValueList.Of(exportTo ?? ["."]),
                ValueList<string>.Empty));

    /// <summary>A port; the name defaults to <c>protocol-number</c> (or <c>port-number</c> without a protocol).</summary>
    public static ServicePort Port(long number, string? protocol, string? name = "", long? targetPort = null) =>
        new(number, protocol, name == "" ? $"{(string.IsNullOrEmpty(protocol) ? "port" : protocol.ToLowerInvariant().Replace('_', '-'))}-{number}" : name, targetPort);

    public static WorkloadEntry Endpoint(string? address, (string Name, long Port)[]? ports = null, (string Key, string Value)[]? labels = null, string? network = null) =>
        new(
            address,
            (ports ?? []).Select(p => new KeyValuePair<string, long>(p.Name, p.Port)).ToValueMap(),
            ValueMap.Of(labels ?? []),
            network);

    public static WorkloadSelector Selector(params (string Key, string Value)[] labels) => new(ValueMap.Of(labels));

    public static List<Diagnostic> Check(ServiceEntry entry, IstioValidationOptions? options = null) =>
        [.. ServiceEntryValidator.Validate(entry, options)];

    /// <summary>The findings as "CODE path" strings, for assertions that show everything on failure.</summary>
    public static List<string> Findings(ServiceEntry entry, IstioValidationOptions? options = null) =>
        [.. Check(entry, options).Select(d => $"{d.Code} {d.Path}")];

    public static List<string> Codes(ServiceEntry entry, IstioValidationOptions? options = null) =>
        [.. Check(entry, options).Select(d => d.Code)];
}
