using Forewarn.Domain.Common;

namespace Forewarn.Domain.Staff;

/// <summary>
/// A named person of the programme's staff. Staff keys belong to a member, and four eyes count
/// members, not keys: two keys of one member are still one pair of eyes. Deliberately small, so
/// the staff portal's accounts can link to it.
/// </summary>
public sealed class StaffMember
{
    private StaffMember() { }

    /// <summary>
    /// The member every staff key issued before staff members existed was given: one member, so
    /// those keys cannot approve each other's proposals (failing closed until real members hold keys).
    /// </summary>
    public static readonly StaffMemberId Earlier = new(new Guid("00000000-0000-7000-8000-000000000001"));

    public const int MaxName = 120;

    public StaffMemberId Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    public static StaffMember Create(string? name, DateTimeOffset now, string actor) => new()
    {
        Id = StaffMemberId.New(),
        Name = TextRules.Required(name, "staff member's name", MaxName),
        CreatedAt = now,
        CreatedBy = actor,
    };
}
