using EgressInfra.Core.Collections;
using EgressInfra.Core.Delivery;
using k8s;
using k8s.Autorest;

namespace EgressInfra.Delivery;

/// <summary>
/// Lists Sidecars with a Kubernetes client. Every failure (no kubeconfig, unreachable API server, a
/// 403) is kept per namespace as its reason: the Core fails the run closed on it (EGR508).
/// </summary>
internal sealed class KubernetesSidecarInventory : ISidecarInventory
{
    private const string Plural = "sidecars";

    public async Task<SidecarListing> ListAsync(ClusterAccess access, string apiVersion, IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(namespaces);
        var (group, version) = Split(apiVersion);
        Kubernetes client;
        try
        {
            client = new Kubernetes(KubeconfigSource.Configure(access));
        }
#pragma warning disable CA1031 // Whatever the client makes of a kubeconfig it cannot use, the namespaces stay unlisted and the run fails closed.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var reason = $"no usable kubeconfig: {ex.Message}";
            return new SidecarListing(ValueList<ObservedSidecar>.Empty, namespaces.Select(ns => KeyValuePair.Create(ns, reason)).ToValueMap());
        }

        using (client)
        {
            var sidecars = new List<ObservedSidecar>();
            var failures = new List<KeyValuePair<string, string>>();
            foreach (var ns in namespaces)
            {
                try
                {
                    var list = await client.CustomObjects.ListNamespacedCustomObjectAsync(group, version, ns, Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
                    sidecars.AddRange(SidecarList.Read(ns, list));
                }
                catch (HttpOperationException ex)
                {
                    failures.Add(KeyValuePair.Create(ns, $"{(int)ex.Response.StatusCode} {ex.Response.ReasonPhrase}".TrimEnd()));
                }
#pragma warning disable CA1031 // An unreachable server, a failed credential plugin, a timeout, an odd answer: all mean "not listed".
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures.Add(KeyValuePair.Create(ns, ex.Message));
                }
            }

            return new SidecarListing(sidecars.ToValueList(), failures.ToValueMap());
        }
    }

    private static (string Group, string Version) Split(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }
}
