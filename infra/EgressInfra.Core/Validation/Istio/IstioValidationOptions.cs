namespace EgressInfra.Core.Validation.Istio;

/// <summary>Which of Istio's checking paths <see cref="ServiceEntryValidator"/> reproduces.</summary>
/// <param name="IpAutoAllocation">istiod's PILOT_ENABLE_IP_AUTOALLOCATE (on by default since Istio 1.25);
/// decides whether a non-NONE entry without addresses gets warning EGR115.</param>
/// <param name="ConsiderMetadata">Whether labels and annotations take part, as in the webhook and
/// <c>istioctl validate</c>. <c>istioctl analyze</c> passes neither, so rules EGR100, EGR101 and EGR138 never
/// fire there and the auto-allocation opt-out label is ignored.</param>
/// <param name="CheckCrdSchema">Whether to add the API server's CRD schema checks that are stricter than
/// the webhook (EGR145, EGR146). The API server runs them before the webhook on every apply.</param>
public sealed record IstioValidationOptions(bool IpAutoAllocation = true, bool ConsiderMetadata = true, bool CheckCrdSchema = true)
{
    /// <summary><c>kubectl apply</c> against Istio 1.25 or later with default settings: API server, then webhook.</summary>
    public static IstioValidationOptions Default { get; } = new();

    /// <summary><c>istioctl analyze</c>'s schema analyzer: the webhook function without labels and annotations.</summary>
    public static IstioValidationOptions Analyze { get; } = new(ConsiderMetadata: false, CheckCrdSchema: false);
}
