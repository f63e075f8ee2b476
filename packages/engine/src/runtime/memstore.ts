/** `<memstore id>`: in-memory record lists per type (the writing generate's `type`, else its name). */
export class Memstores {
  private readonly stores = new Map<string, Map<string, Record<string, unknown>[]>>();

  declare(id: string): void {
    if (!this.stores.has(id)) this.stores.set(id, new Map());
  }

  get(id: string): Map<string, Record<string, unknown>[]> | undefined {
    return this.stores.get(id);
  }

  add(id: string, type: string, record: Record<string, unknown>): void {
    const store = this.stores.get(id);
    if (!store) return;
    let list = store.get(type);
    if (!list) {
      list = [];
      store.set(type, list);
    }
    list.push(record);
  }
}
