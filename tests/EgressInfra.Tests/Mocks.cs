using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Moq;
using Pulumi.Testing;

namespace EgressInfra.Tests;

/// <summary>Engine mocks that record every registration and echo inputs back as state.</summary>
internal static class Mocks
{
    public const string RandomIdType = "random:index/randomId:RandomId";

    /// <summary>Reads (a resource's <c>Get</c>) carry an id; registrations do not.</summary>
    public static bool IsRead(MockResourceArgs args) => !string.IsNullOrEmpty(args.Id);

    public static Mock<IMocks> Recording(List<MockResourceArgs> registered, FakeCluster? cluster = null)
    {
        cluster ??= FakeCluster.Healthy;
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                lock (registered)
                {
                    registered.Add(args);
                }

                if (IsRead(args))
                {
                    var state = cluster.Read(args) ?? throw new InvalidOperationException($"resource '{args.Id}' does not exist");
                    return (args.Id, (object)state);
                }

                return (args.Name + "_id", (object)State(args));
            });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => (object)args.Args);
        return mocks;
    }

    /// <summary>
    /// A RandomId's hex follows from its keepers: a real one keeps its value until they change, so equal
    /// keepers give equal hex here and different keepers (almost surely) different hex.
    /// </summary>
    private static ImmutableDictionary<string, object> State(MockResourceArgs args)
    {
        if (args.Type != RandomIdType)
        {
            return args.Inputs;
        }

        var keepers = args.Inputs.GetValueOrDefault("keepers").Canonical();
        var hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keepers)))[..8];
        return args.Inputs.SetItem("hex", hex);
    }
}
