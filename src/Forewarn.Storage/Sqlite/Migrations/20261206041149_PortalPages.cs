using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forewarn.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RevokedAt",
                table: "portal_invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "detection_feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArtifactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detection_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "portal_user_passkeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_user_passkeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_portal_user_passkeys_portal_users_UserId",
                        column: x => x.UserId,
                        principalTable: "portal_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "program_settings",
                columns: new[] { "Key", "Value" },
                values: new object[] { "accounts.generation", "0" });

            migrationBuilder.CreateIndex(
                name: "IX_detection_feedback_ArtifactId_At",
                table: "detection_feedback",
                columns: new[] { "ArtifactId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_detection_feedback_PartnerId_At",
                table: "detection_feedback",
                columns: new[] { "PartnerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_portal_user_passkeys_UserId",
                table: "portal_user_passkeys",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "detection_feedback");

            migrationBuilder.DropTable(
                name: "portal_user_passkeys");

            migrationBuilder.DeleteData(
                table: "program_settings",
                keyColumn: "Key",
                keyValue: "accounts.generation");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "portal_invitations");
        }
    }
}
