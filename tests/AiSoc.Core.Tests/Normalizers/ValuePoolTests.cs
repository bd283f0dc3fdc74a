using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Normalizers;

public class ValuePoolTests
{
    [Fact]
    public void Share_EqualStrings_ReturnsOneInstance()
    {
        var pool = new ValuePool();
        var first = new string("Suspicious PowerShell".AsSpan());
        var second = new string("Suspicious PowerShell".AsSpan());

        Assert.Same(pool.Share(first), pool.Share(second));
    }

    [Fact]
    public void Share_EqualEntities_ReturnsOneInstance()
    {
        var pool = new ValuePool();
        var first = EntityFactory.Host(fqdn: "ws-01.contoso.com")!;
        var second = EntityFactory.Host(fqdn: "ws-01.contoso.com")!;

        Assert.Same(pool.Share(first), pool.Share(second));
    }

    [Fact]
    public void Share_EntitiesDifferingInRole_StayDistinct()
    {
        var pool = new ValuePool();
        Entity impacted = EntityFactory.Ip("203.0.113.7", EntityRole.Impacted)!;
        Entity attacker = EntityFactory.Ip("203.0.113.7", EntityRole.Attacker)!;

        Assert.NotSame(pool.Share(impacted), pool.Share(attacker));
    }

    [Fact]
    public void Share_Lists_KeepOrder()
    {
        var pool = new ValuePool();

        var shared = pool.Share(["Execution", "Persistence"]);

        Assert.Equal(["Execution", "Persistence"], shared);
        Assert.Same(shared, pool.Share(["Execution", "Persistence"]));
        Assert.NotSame(shared, pool.Share(["Persistence", "Execution"]));
    }
}
