using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FourEyes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MemberId",
                table: "api_keys",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Request = table.Column<string>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EffectiveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposerMember = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposerKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeciderMember = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeciderKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_staff_members_DeciderMember",
                        column: x => x.DeciderMember,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_proposals_staff_members_ProposerMember",
                        column: x => x.ProposerMember,
                        principalTable: "staff_members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_MemberId",
                table: "api_keys",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_DeciderMember",
                table: "proposals",
                column: "DeciderMember");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_ProposerMember",
                table: "proposals",
                column: "ProposerMember");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_State_ExpiresAt",
                table: "proposals",
                columns: new[] { "State", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_Subject_State",
                table: "proposals",
                columns: new[] { "Subject", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_members_Name",
                table: "staff_members",
                column: "Name",
                unique: true);

            // Staff keys issued before staff members existed all go to one member: they cannot approve
            // each other's proposals (failing closed) until real members hold keys (docs/approvals.md).
            migrationBuilder.Sql(
                "INSERT INTO staff_members (Id, Name, CreatedAt, CreatedBy) " +
                "SELECT '00000000-0000-7000-8000-000000000001', 'Staff keys issued before staff members', MIN(CreatedAt), 'upgrade to four eyes' " +
                "FROM api_keys WHERE Owner = 'Staff' HAVING COUNT(*) > 0;");
            migrationBuilder.Sql("UPDATE api_keys SET MemberId = '00000000-0000-7000-8000-000000000001' WHERE Owner = 'Staff';");

            migrationBuilder.AddForeignKey(
                name: "FK_api_keys_staff_members_MemberId",
                table: "api_keys",
                column: "MemberId",
                principalTable: "staff_members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_api_keys_staff_members_MemberId",
                table: "api_keys");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "staff_members");

            migrationBuilder.DropIndex(
                name: "IX_api_keys_MemberId",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "MemberId",
                table: "api_keys");
        }
    }
}
