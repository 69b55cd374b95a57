import AdminPanelSettings from '@mui/icons-material/AdminPanelSettings';
import Analytics from '@mui/icons-material/Analytics';
import Badge from '@mui/icons-material/Badge';
import CalendarMonth from '@mui/icons-material/CalendarMonth';
import Campaign from '@mui/icons-material/Campaign';
import Event from '@mui/icons-material/Event';
import Groups from '@mui/icons-material/Groups';
import Inventory2 from '@mui/icons-material/Inventory2';
import MenuBook from '@mui/icons-material/MenuBook';
import MusicNote from '@mui/icons-material/MusicNote';
import Payments from '@mui/icons-material/Payments';
import People from '@mui/icons-material/People';
import Spa from '@mui/icons-material/Spa';
import Star from '@mui/icons-material/Star';
import Storefront from '@mui/icons-material/Storefront';
import SupportAgent from '@mui/icons-material/SupportAgent';
import TableChart from '@mui/icons-material/TableChart';
import type { SvgIconComponent } from '@mui/icons-material';
import type { MODULE_ICONS } from '../../../permissions/packFormat';

/** The drawing of each icon name a pack may give a module (the pack format's closed list). */
const ICONS: Record<(typeof MODULE_ICONS)[number], SvgIconComponent> = {
  administration: AdminPanelSettings,
  analytics: Analytics,
  badge: Badge,
  book: MenuBook,
  calendar: CalendarMonth,
  campaign: Campaign,
  event: Event,
  groups: Groups,
  inventory: Inventory2,
  music: MusicNote,
  payments: Payments,
  people: People,
  spa: Spa,
  star: Star,
  storefront: Storefront,
  support: SupportAgent,
  table: TableChart,
};

/** A module's icon, by the name its pack gives; a module without one gets a generic one. */
export const moduleIcon = (icon: string | undefined): SvgIconComponent => (icon ? ICONS[icon as keyof typeof ICONS] : undefined) ?? TableChart;
