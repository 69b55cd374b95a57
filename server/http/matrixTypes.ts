/** The role matrix API's wire shapes (GET/PUT /api/matrix, GET /api/matrix/changes), shared with the SPA's editor. */

export interface MatrixRowDto {
  role: string;
  module: string;
  subModule: string | null;
  actions: string[];
}

export interface MatrixDto {
  roles: string[];
  actions: string[];
  modules: { name: string; label: string; tables: string[] }[];
  rows: MatrixRowDto[];
  editable: boolean;
}

export interface MatrixChangeDto {
  id: string;
  changedAt: string;
  changedBy: string | null;
  changedByEmail: string | null;
  role: string;
  module: string;
  subModule: string | null;
  before: string[] | null;
  after: string[] | null;
}
