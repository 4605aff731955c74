using EgressInfra.Core.Delivery;
using EgressInfra.Core.Manifests;
using Pulumi;

namespace EgressInfra.Resources;

/// <summary>One Core object as registered: its resource and the lifecycle options it was given.</summary>
internal sealed record RegisteredObject(IKubernetesObject Object, KindLifecycle Lifecycle, Resource Resource, CustomResourceOptions Options);
