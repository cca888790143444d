using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Request = table.Column<string>(type: "text", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EffectiveAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProposerMember = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposerKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeciderMember = table.Column<Guid>(type: "uuid", nullable: true),
                    DeciderKey = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
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
                "INSERT INTO staff_members (\"Id\", \"Name\", \"CreatedAt\", \"CreatedBy\") " +
                "SELECT '00000000-0000-7000-8000-000000000001'::uuid, 'Staff keys issued before staff members', MIN(\"CreatedAt\"), 'upgrade to four eyes' " +
                "FROM api_keys WHERE \"Owner\" = 'Staff' HAVING COUNT(*) > 0;");
            migrationBuilder.Sql("UPDATE api_keys SET \"MemberId\" = '00000000-0000-7000-8000-000000000001'::uuid WHERE \"Owner\" = 'Staff';");

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
