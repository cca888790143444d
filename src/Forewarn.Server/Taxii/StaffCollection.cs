namespace Forewarn.Server.Taxii;

/// <summary>
/// The collection as staff read it: everything servable, dated by version, so the same at any
/// time — kept for one facts generation, the current one (a single entry, replaced when the
/// generation moves). Partners' collections are faces of their entitled views and kept with them.
/// </summary>
public sealed class StaffCollection
{
    private sealed record Entry(string Generation, OrderedObjects Objects);

    private Entry? _kept;

    public OrderedObjects? Find(string generation) => Volatile.Read(ref _kept) is { } e && e.Generation == generation ? e.Objects : null;

    public void Keep(string generation, OrderedObjects objects) => Volatile.Write(ref _kept, new Entry(generation, objects));
}
