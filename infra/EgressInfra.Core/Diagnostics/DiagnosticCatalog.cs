namespace EgressInfra.Core.Diagnostics;

/// <summary>Every diagnostic code EgressInfra can report; the source of docs/diagnostics.md and of its test.</summary>
public static class DiagnosticCatalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        .. ConfigCodes.All,
        .. InputCodes.All,
        .. IstioCodes.All,
        .. ManifestCodes.All,
        .. SidecarCodes.All,
        .. AnalysisCodes.All,
        .. PolicyCodes.All,
        .. EnforcementCodes.All,
        .. EnforcementKindCodes.All,
        .. DeliveryCodes.All,
        .. AdoptionCodes.All,
        .. AmbientCodes.All,
        .. DecodingCodes.All,
    ];

    public static DiagnosticDescriptor? Find(string code) => All.FirstOrDefault(d => d.Code == code);
}
